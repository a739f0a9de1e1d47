using System.Globalization;

namespace SesAnalytics.Engine.Query.Athena;

/// <summary>
/// Athena's text for a value, typed by its column's type: varchar → string, integer → int, bigint → long, double →
/// double, boolean → bool, date → DateTime, timestamp → DateTime, timestamp with time zone → DateTimeOffset, decimal →
/// decimal. Arrays, maps, rows and anything unknown stay the text Athena returned, as does a value that does not parse.
/// </summary>
public static class AthenaValues
{
    private static readonly string[] TimestampFormats = ["yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    public static object? Convert(string? text, string? columnType)
    {
        if (text is null)
        {
            return null;
        }

        string type = BaseType(columnType);
        object? value = type switch
        {
            "boolean" => bool.TryParse(text, out bool flag) ? flag : null,
            "tinyint" or "smallint" or "integer" or "int" => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int small) ? small : null,
            "bigint" => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long big) ? big : null,
            "double" or "float" or "real" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) ? real : null,
            "decimal" => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact) ? exact : null,
            "date" => DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime day) ? day : null,
            "timestamp" => DateTime.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime time) ? time : null,
            "timestamp with time zone" => ZonedTime(text),
            _ => text,
        };
        return value ?? text;
    }

    /// <summary><c>decimal(10,2)</c> → <c>decimal</c>, <c>varchar(20)</c> → <c>varchar</c>; lowercase.</summary>
    private static string BaseType(string? columnType)
    {
        string type = (columnType ?? string.Empty).Trim().ToLowerInvariant();
        int parenthesis = type.IndexOf('(', StringComparison.Ordinal);
        return parenthesis < 0 ? type : type[..parenthesis].Trim();
    }

    /// <summary>Athena writes <c>2024-03-08 17:14:29.713 UTC</c>, or a zone id or offset in place of UTC.</summary>
    private static DateTimeOffset? ZonedTime(string text)
    {
        int space = text.LastIndexOf(' ');
        if (space < 0 || !DateTime.TryParseExact(text[..space], TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
        {
            return null;
        }

        string zone = text[(space + 1)..];
        if (zone is "UTC" or "Z")
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }

        if (TimeSpan.TryParseExact(zone.TrimStart('+', '-'), @"hh\:mm", CultureInfo.InvariantCulture, out TimeSpan offset))
        {
            return new DateTimeOffset(local, zone.StartsWith('-') ? -offset : offset);
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out TimeZoneInfo? info)
            ? new DateTimeOffset(local, info.GetUtcOffset(local))
            : null;
    }
}
