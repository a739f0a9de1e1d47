using System.Globalization;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Query.Athena;

/// <summary>
/// Collects the ExecutionParameters of a statement being rendered. Athena substitutes each value for its <c>?</c> as a
/// SQL literal, so a string must arrive quoted (<c>'example.com'</c>) with its quotes doubled; a value can therefore
/// never become SQL of its own.
/// </summary>
public sealed class AthenaParameters
{
    private readonly List<string> _values = [];

    public IReadOnlyList<string> Values => _values;

    public string Bind(string value)
    {
        _values.Add(Literal(value));
        return "?";
    }

    public string BindAll(IEnumerable<string> values) => string.Join(", ", values.Select(Bind));

    /// <summary>The literal Athena reads for a .NET value: strings quoted, numbers invariant, dates and times typed.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "NULL",
        string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool flag => flag ? "TRUE" : "FALSE",
        byte or sbyte or short or ushort or int or uint or long or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        double or float => Real(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        DateOnly day => $"DATE '{day:yyyy-MM-dd}'",
        DateTime time when time.TimeOfDay == TimeSpan.Zero && time.Kind == DateTimeKind.Unspecified => $"DATE '{time:yyyy-MM-dd}'",
        DateTime time => $"TIMESTAMP '{(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)}'",
        DateTimeOffset time => $"TIMESTAMP '{time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)} UTC'",
        _ => throw new InvalidInputException(
            "UnsupportedAthenaParameter",
            $"A query parameter of type {value.GetType().Name} cannot be passed to Athena. Pass a string, number, boolean, date or time.",
            value),
    };

    private static string Real(double number) =>
        double.IsFinite(number)
            ? "DOUBLE '" + number.ToString("R", CultureInfo.InvariantCulture) + "'"
            : throw new InvalidInputException("UnsupportedAthenaParameter", $"The number {number} cannot be passed to Athena as a parameter.", number);
}
