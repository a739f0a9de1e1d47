using System.Globalization;

namespace SesAnalytics.Engine.Select.Evaluation;

/// <summary>The scalar functions this evaluator implements; NULL and MISSING pass through, a wrong type gives MISSING.</summary>
internal static class ScalarFunctions
{
    public static SelectValue Call(string name, IReadOnlyList<SelectValue> arguments) => name switch
    {
        "LOWER" => OnString(arguments[0], s => SelectValue.Of(s.ToLowerInvariant())),
        "UPPER" => OnString(arguments[0], s => SelectValue.Of(s.ToUpperInvariant())),
        "CHAR_LENGTH" or "CHARACTER_LENGTH" => OnString(arguments[0], s => SelectValue.Of((decimal)new StringInfo(s).LengthInTextElements)),
        "COALESCE" => arguments.FirstOrDefault(a => !a.IsUnknown) ?? SelectValue.Null,
        "NULLIF" => !arguments[0].IsUnknown && !arguments[1].IsUnknown && ValueComparer.AreEqual(arguments[0], arguments[1])
            ? SelectValue.Null
            : arguments[0],
        _ => throw new InvalidOperationException($"The parser accepted the unknown function {name}."),
    };

    private static SelectValue OnString(SelectValue value, Func<string, SelectValue> apply) => value.Kind switch
    {
        SelectValueKind.String => apply(value.Text),
        SelectValueKind.Null => SelectValue.Null,
        _ => SelectValue.Missing,
    };
}
