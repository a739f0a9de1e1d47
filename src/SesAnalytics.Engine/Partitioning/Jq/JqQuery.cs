using System.Text.Json;

namespace SesAnalytics.Engine.Partitioning.Jq;

/// <summary>
/// A jq 1.6 query from the subset Firehose MetadataExtraction uses, parsed once and evaluated per record. Parsing throws
/// <see cref="Errors.InvalidInputException"/> (UnsupportedJqConstruct, InvalidJqQuery) for anything outside the subset.
/// </summary>
public sealed class JqQuery
{
    private readonly JqNode _root;

    private JqQuery(string text, JqNode root)
    {
        Text = text;
        _root = root;
    }

    public string Text { get; }

    public static JqQuery Parse(string query) => new(query, JqParser.Parse(query));

    public JqResult Evaluate(JsonElement input) => _root.Evaluate(JqValue.FromElement(input));

    /// <summary>Adds the parts of a record this query observes to <paramref name="pruner"/>; false when it cannot tell.</summary>
    internal bool TryAddPathsTo(JsonPruner pruner) => JqPaths.TryAddTo(_root, pruner);

    public override string ToString() => Text;
}
