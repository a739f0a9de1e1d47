using System.Globalization;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Select.Evaluation;

/// <summary>The scalar functions this evaluator implements; NULL and MISSING pass through, a wrong type gives MISSING.</summary>
internal static class ScalarFunctions
{
    public static SelectValue Call(string name, IReadOnlyList<SelectValue> arguments, long line) => name switch
    {
        "LOWER" => OnString(arguments[0], s => SelectValue.Of(s.ToLowerInvariant())),
        "UPPER" => OnString(arguments[0], s => SelectValue.Of(s.ToUpperInvariant())),
        "CHAR_LENGTH" or "CHARACTER_LENGTH" => OnString(arguments[0], s => SelectValue.Of((decimal)new StringInfo(s).LengthInTextElements)),
        "COALESCE" => arguments.FirstOrDefault(a => !a.IsUnknown) ?? SelectValue.Null,
        "NULLIF" => !arguments[0].IsUnknown && !arguments[1].IsUnknown && ValueComparer.AreEqual(arguments[0], arguments[1])
            ? SelectValue.Null
            : arguments[0],
        "CAST" => Cast.To(arguments[1].Text, arguments[0], line),
        "SUBSTRING" => Substring(arguments),
        "TRIM" => Trim(arguments[0].Text, arguments[1], arguments[2]),
        "TO_TIMESTAMP" => Cast.To("TIMESTAMP", arguments[0], line),
        "UTCNOW" => SelectValue.Of(Clock.UtcNow),
        _ => throw new InvalidOperationException($"The parser accepted the unknown function {name}."),
    };

    private static SelectValue OnString(SelectValue value, Func<string, SelectValue> apply) => value.Kind switch
    {
        SelectValueKind.String => apply(value.Text),
        SelectValueKind.Null => SelectValue.Null,
        _ => SelectValue.Missing,
    };

    // 1-based start; positions before 1 use up part of the length, as in SQL.
    private static SelectValue Substring(IReadOnlyList<SelectValue> arguments)
    {
        if (arguments.Any(a => a.Kind == SelectValueKind.Missing))
        {
            return SelectValue.Missing;
        }

        if (arguments.Any(a => a.Kind == SelectValueKind.Null))
        {
            return SelectValue.Null;
        }

        if (arguments[0].Kind != SelectValueKind.String || arguments.Skip(1).Any(a => a.Kind != SelectValueKind.Number))
        {
            return SelectValue.Missing;
        }

        string text = arguments[0].Text;
        long start = (long)Math.Floor(arguments[1].AsDouble);
        long end = arguments.Count > 2 ? start + (long)Math.Floor(arguments[2].AsDouble) : long.MaxValue;
        long from = Math.Max(start, 1);
        long to = Math.Min(end, (long)text.Length + 1);
        return SelectValue.Of(to <= from ? string.Empty : text.Substring((int)from - 1, (int)(to - from)));
    }

    private static SelectValue Trim(string mode, SelectValue characters, SelectValue text)
    {
        if (text.Kind == SelectValueKind.Missing || characters.Kind == SelectValueKind.Missing)
        {
            return SelectValue.Missing;
        }

        if (text.Kind == SelectValueKind.Null || characters.Kind == SelectValueKind.Null)
        {
            return SelectValue.Null;
        }

        if (text.Kind != SelectValueKind.String || characters.Kind != SelectValueKind.String)
        {
            return SelectValue.Missing;
        }

        char[] set = characters.Text.ToCharArray();
        return SelectValue.Of(mode switch
        {
            "LEADING" => text.Text.TrimStart(set),
            "TRAILING" => text.Text.TrimEnd(set),
            _ => text.Text.Trim(set),
        });
    }
}
