using System.Globalization;
using System.Text.RegularExpressions;
using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Tests.Events;

/// <summary>The digit-by-digit reading of SES's own form answers exactly as .NET's general parse of the same text.</summary>
public sealed class SesTimestampCanonicalTests
{
    public static TheoryData<string> Edges => new()
    {
        "2017-08-05T00:41:02.669Z",
        "2017-08-05T00:41:02Z",
        "2017-08-05T00:41:02.6Z",
        "2017-08-05T00:41:02.1234567Z",
        "2017-08-05T00:41:02.12345678Z",
        "2017-08-05T00:41:02.Z",
        "2017-08-05t00:41:02.669Z",
        "2017-08-05T00:41:02.669z",
        "2017-08-05 00:41:02.669Z",
        "2024-02-29T23:59:59.999Z",
        "2023-02-29T12:00:00.000Z",
        "2017-13-05T00:41:02.669Z",
        "2017-00-05T00:41:02.669Z",
        "2017-08-00T00:41:02.669Z",
        "2017-04-31T00:41:02.669Z",
        "2017-08-05T24:00:00.000Z",
        "2017-08-05T23:60:00.000Z",
        "2016-12-31T23:59:60.000Z",
        "0000-01-01T00:00:00.000Z",
        "0001-01-01T00:00:00.000Z",
        "9999-12-31T23:59:59.9999999Z",
        "2017-08-05T00:41:0a.669Z",
        "2017-08-05T00:41:02,669Z",
        " 2017-08-05T00:41:02.669Z",
        "2017-08-05T00:41:02.669Z ",
        "+017-08-05T00:41:02.669Z",
        "2017-08-05T00:41:02.669+00:00",
        "2017-08-05T00:41:02.669 +0000",
        "2017-08-05T00:41:02.-69Z",
        "２０17-08-05T00:41:02.669Z",
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void EdgeCasesAnswerAsTheGeneralParse(string text) => AssertSameAsGeneral(text);

    [Fact]
    public void GeneratedTimesAnswerAsTheGeneralParse()
    {
        var random = new Random(20261206);
        for (int i = 0; i < 20_000; i++)
        {
            var time = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            string fraction = random.Next(9) switch
            {
                0 => string.Empty,
                int digits => "." + time.ToString("%" + new string('f', Math.Min(digits, 7)), CultureInfo.InvariantCulture),
            };
            string text = time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + fraction + "Z";
            AssertSameAsGeneral(text);
            AssertSameAsGeneral(Damaged(text, random));
        }
    }

    private static string Damaged(string text, Random random)
    {
        char[] chars = text.ToCharArray();
        chars[random.Next(chars.Length)] = "0123456789:-.TZtz +"[random.Next(19)];
        return new string(chars);
    }

    private static void AssertSameAsGeneral(string text)
    {
        bool parsed = SesTimestamp.TryParse(text, out DateTimeOffset time);
        bool expected = General(text, out DateTimeOffset expectedTime);

        Assert.True(expected == parsed, $"'{text}': expected {(expected ? "a time" : "no time")}");
        Assert.Equal(expectedTime, time);
        Assert.Equal(expectedTime.Offset, time.Offset);
    }

    /// <summary>SesTimestamp's general path, as it was before the canonical reading came first.</summary>
    private static bool General(string text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF zzz"];
        if (DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset exact))
        {
            value = exact.ToUniversalTime();
            return true;
        }

        string normalized = Regex.Replace(text.Trim(), @"\s*([+-])(\d{2}):?(\d{2})$", "$1$2:$3");
        if (!DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
        {
            return false;
        }

        value = parsed.ToUniversalTime();
        return true;
    }
}
