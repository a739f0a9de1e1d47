namespace SesAnalytics.Engine.Events;

public static partial class SesTimestamp
{
    /// <summary>
    /// The form SES writes in every event, <c>2017-08-05T00:41:02.669Z</c> (any 0 to 7 fraction digits), read digit by
    /// digit: a query turns two of them into times per row, and the general exact parse costs microseconds each. It
    /// declines anything else, which the general parse then reads, so the answer is always the general parse's.
    /// </summary>
    private static bool TryParseCanonical(string text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 20 || text[^1] != 'Z'
            || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !TryDigits(text, 0, 4, out int year) || !TryDigits(text, 5, 2, out int month) || !TryDigits(text, 8, 2, out int day)
            || !TryDigits(text, 11, 2, out int hour) || !TryDigits(text, 14, 2, out int minute) || !TryDigits(text, 17, 2, out int second)
            || !TryFraction(text, out long fractionTicks)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fractionTicks;
        value = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    /// <summary>Nothing between the seconds and the 'Z', or a '.' and 1 to 7 digits, as ticks.</summary>
    private static bool TryFraction(string text, out long ticks)
    {
        ticks = 0;
        int digits = text.Length - 21;
        if (digits == -1)
        {
            return true;
        }

        if (digits is < 1 or > 7 || text[19] != '.' || !TryDigits(text, 20, digits, out int fraction))
        {
            return false;
        }

        ticks = fraction;
        for (int i = digits; i < 7; i++)
        {
            ticks *= 10;
        }

        return true;
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            int digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
