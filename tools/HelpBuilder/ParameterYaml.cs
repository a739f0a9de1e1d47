using System.Globalization;
using Markdig.Syntax;

namespace SesAnalytics.HelpBuilder;

/// <summary>Reads the flat <c>Key: value</c> yaml block platyPS writes under each parameter.</summary>
internal static class ParameterYaml
{
    private static readonly string[] KnownKeys =
    [
        "Type", "Parameter Sets", "Aliases", "Accepted values", "Required", "Position", "Default value",
        "Accept pipeline input", "Accept wildcard characters",
    ];

    public static bool IsYaml(FencedCodeBlock block) =>
        string.Equals(block.Info, "yaml", StringComparison.OrdinalIgnoreCase);

    public static ParameterUsage Read(FencedCodeBlock block)
    {
        int fenceLine = block.Line + 1;
        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < block.Lines.Count; i++)
        {
            var source = block.Lines.Lines[i];
            string text = source.Slice.ToString();
            int line = source.Line + 1;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            int colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new DocException(line, $"expected 'Key: value' in the parameter's yaml, found '{text.Trim()}'");
            }
            string key = text[..colon].Trim();
            if (!KnownKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                throw new DocException(line, $"unknown key '{key}' in the parameter's yaml (expected one of: {string.Join(", ", KnownKeys)})");
            }
            if (!values.TryAdd(key, (text[(colon + 1)..].Trim(), line)))
            {
                throw new DocException(line, $"'{key}' appears twice in the parameter's yaml");
            }
        }

        string Required(string key) =>
            values.TryGetValue(key, out var entry) && entry.Value.Length > 0
                ? entry.Value
                : throw new DocException(fenceLine, $"the parameter's yaml has no '{key}:'");

        string Optional(string key, string fallback) =>
            values.TryGetValue(key, out var entry) && entry.Value.Length > 0 ? entry.Value : fallback;

        bool Boolean(string key, string fallback)
        {
            string value = key == "Required" ? Required(key) : Optional(key, fallback);
            return bool.TryParse(value, out bool result)
                ? result
                : throw new DocException(values[key].Line, $"'{key}' must be True or False, not '{value}'");
        }

        string sets = Required("Parameter Sets");
        bool allSets = sets.Equals("(All)", StringComparison.OrdinalIgnoreCase);
        if (!allSets && SplitList(sets).Count == 0)
        {
            throw new DocException(values["Parameter Sets"].Line, "'Parameter Sets' must be (All) or a comma-separated list of set names");
        }
        return new ParameterUsage(
            Line: values["Parameter Sets"].Line,
            Type: Required("Type"),
            AllSets: allSets,
            SetNames: allSets ? [] : SplitList(sets),
            Aliases: Optional("Aliases", ""),
            AcceptedValues: SplitList(Optional("Accepted values", "")),
            Required: Boolean("Required", "False"),
            Position: Position(Required("Position"), values["Position"].Line),
            DefaultValue: Optional("Default value", "None"),
            PipelineInput: Optional("Accept pipeline input", "False"),
            Globbing: Boolean("Accept wildcard characters", "False"));
    }

    private static string Position(string value, int line)
    {
        if (value.Equals("Named", StringComparison.OrdinalIgnoreCase))
        {
            return "named";
        }
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int position)
            ? position.ToString(CultureInfo.InvariantCulture)
            : throw new DocException(line, $"'Position' must be Named or a number, not '{value}'");
    }

    private static List<string> SplitList(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
