using System.Globalization;
using System.Text.RegularExpressions;

namespace SesAnalytics.Engine.Events;

/// <summary>The timestamps SES writes: <c>2017-08-05T00:41:02.669Z</c> in events, <c>2018-10-08T14:05:45 +0000</c> in some
/// SNS notifications, and any other ISO 8601 offset.</summary>
public static partial class SesTimestamp
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    // The forms SES writes, tried exactly first: partitioning reads one timestamp per record on its hot path.
    private static readonly string[] ExactFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF zzz"];

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (TryParseCanonical(text, out value))
        {
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, ExactFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset exact))
        {
            value = exact.ToUniversalTime();
            return true;
        }

        // .NET wants "+00:00"; SNS writes " +0000".
        string normalized = CompactOffset().Replace(text.Trim(), "$1$2:$3");
        if (!DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
        {
            return false;
        }

        value = parsed.ToUniversalTime();
        return true;
    }

    /// <summary>Writes a time the way SES does in event records (UTC, milliseconds, 'Z').</summary>
    public static string ToSesString(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s*([+-])(\d{2}):?(\d{2})$")]
    private static partial Regex CompactOffset();
}
