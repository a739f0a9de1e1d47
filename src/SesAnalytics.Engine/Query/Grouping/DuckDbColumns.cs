namespace SesAnalytics.Engine.Query.Grouping;

/// <summary>
/// Builds <c>read_json</c>'s <c>columns</c> argument from the field paths a statement reads, so a question and its
/// grouping can each name what they need and every field is declared once. A path is dotted; a segment ending in
/// <c>[]</c> is a list of structs (<c>bounce.bouncedRecipients[].emailAddress</c>).
/// </summary>
internal sealed class DuckDbColumns
{
    private readonly Node _root = new();

    public DuckDbColumns Add(string path, string type)
    {
        Node node = _root;
        string[] segments = path.Split('.');
        for (int i = 0; i < segments.Length; i++)
        {
            bool isList = segments[i].EndsWith("[]", StringComparison.Ordinal);
            string name = isList ? segments[i][..^2] : segments[i];
            if (!node.Children.TryGetValue(name, out Node? child))
            {
                child = new Node();
                node.Children.Add(name, child);
                node.Order.Add(name);
            }

            child.IsList |= isList;
            if (i == segments.Length - 1)
            {
                child.Type = type;
            }

            node = child;
        }

        return this;
    }

    public string Render() => string.Join(", ", _root.Order.Select(name => DuckDbJson.Column(name, TypeOf(_root.Children[name]))));

    private static string TypeOf(Node node)
    {
        string type = node.Children.Count == 0
            ? node.Type ?? "JSON"
            : DuckDbJson.Struct([.. node.Order.Select(name => (name, TypeOf(node.Children[name])))]);
        return node.IsList ? type + "[]" : type;
    }

    private sealed class Node
    {
        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

        public List<string> Order { get; } = [];

        public string? Type { get; set; }

        public bool IsList { get; set; }
    }
}
