using System.Globalization;
using System.Text.RegularExpressions;

namespace SesAnalytics.Engine.Query;

/// <summary>SES timestamps: ISO 8601 in event publishing, <c>2018-10-08T14:05:45 +0000</c> in SNS notifications.</summary>
internal static partial class SesTimestamp
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string normalized = CompactOffset().Replace(text.Trim(), "$1:$2");
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out DateTimeOffset time)
            ? time.ToUniversalTime()
            : null;
    }

    [GeneratedRegex(@"\s*([+-]\d{2})(\d{2})$")]
    private static partial Regex CompactOffset();
}
