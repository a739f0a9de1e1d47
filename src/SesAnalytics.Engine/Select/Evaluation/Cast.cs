using System.Globalization;
using System.Text.RegularExpressions;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Select.Evaluation;

/// <summary>
/// CAST to BOOL, INT, STRING, FLOAT, DECIMAL or TIMESTAMP. A value that does not convert fails the evaluation, as in S3
/// Select. Timestamps are ISO 8601 text; SNS notifications' "2018-10-08T14:05:45 +0000" form is accepted too.
/// </summary>
internal static partial class Cast
{
    public static SelectValue To(string type, SelectValue value, long line)
    {
        if (value.IsUnknown)
        {
            return value;
        }

        SelectValue? result = type switch
        {
            "STRING" => ToText(value),
            "BOOL" => ToBoolean(value),
            "INT" => ToNumber(value) is { } number ? Whole(number) : null,
            "FLOAT" => ToNumber(value) is { } number ? SelectValue.Of(number.AsDouble) : null,
            "TIMESTAMP" => ToTimestamp(value),
            _ => ToNumber(value) is { IsDouble: false } number ? number : null,
        };
        return result ?? throw new SesAnalyticsException(
            "CastFailed",
            ErrorKind.InvalidData,
            $"Line {line}: cannot CAST the {value.Kind} {value} to {type}. Exclude such records with WHERE.",
            $"line {line}");
    }

    private static SelectValue? ToText(SelectValue value) => value.Kind switch
    {
        SelectValueKind.String => value,
        SelectValueKind.Container => null,
        _ => SelectValue.Of(value.ToString()),
    };

    private static SelectValue? ToTimestamp(SelectValue value)
    {
        if (value.Kind == SelectValueKind.Timestamp)
        {
            return value;
        }

        if (value.Kind != SelectValueKind.String)
        {
            return null;
        }

        string text = SpacedOffset().Replace(value.Text.Trim(), "$1:$2");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed)
            ? SelectValue.Of(parsed)
            : null;
    }

    [GeneratedRegex(@" ?([+-]\d{2})(\d{2})$")]
    private static partial Regex SpacedOffset();

    private static SelectValue? ToBoolean(SelectValue value) => value.Kind switch
    {
        SelectValueKind.Boolean => value,
        SelectValueKind.String when bool.TryParse(value.Text.Trim(), out bool parsed) => SelectValue.Of(parsed),
        SelectValueKind.Number => SelectValue.Of(value.AsDouble != 0),
        _ => null,
    };

    private static SelectValue? ToNumber(SelectValue value)
    {
        if (value.Kind == SelectValueKind.Number)
        {
            return value;
        }

        if (value.Kind != SelectValueKind.String)
        {
            return null;
        }

        string text = value.Text.Trim();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact))
        {
            return SelectValue.Of(exact);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double approximate) ? SelectValue.Of(approximate) : null;
    }

    private static SelectValue? Whole(SelectValue number) => number.IsDouble
        ? double.IsFinite(number.Double) && Math.Abs(number.Double) < 7.9e28 ? SelectValue.Of(decimal.Truncate((decimal)number.Double)) : null
        : SelectValue.Of(decimal.Truncate(number.Decimal));
}
