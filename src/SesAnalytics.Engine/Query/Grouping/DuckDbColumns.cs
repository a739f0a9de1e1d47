namespace SesAnalytics.Engine.Query.Grouping;

/// <summary>
/// Builds <c>read_json</c>'s <c>columns</c> argument from the field paths a statement reads, so a question and its
/// grouping can each name what they need and every field is declared once. A path is dotted; a segment ending in
/// <c>[]</c> is a list of structs (<c>bounce.bouncedRecipients[].emailAddress</c>). Every path is one of
/// <see cref="EventFields"/>, with its type there, so the same columns can be taken from a store folder's cache.
/// A derived column (<see cref="EventFields.RecipientDomains"/>) is computed from fields when objects are read and
/// read as it is from a cache, which holds it computed once when it was built.
/// </summary>
internal sealed class DuckDbColumns
{
    private readonly Node _root = new();
    private readonly List<DerivedColumn> _derived = [];

    /// <summary>The derived columns, each after the fields; none for most statements.</summary>
    public IReadOnlyList<DerivedColumn> Derived => _derived;

    /// <summary>Declares <paramref name="path"/> with its type in <see cref="EventFields"/>.</summary>
    public DuckDbColumns Add(string path) =>
        Add(path, EventFields.TypeOf(path) ?? throw new ArgumentException($"'{path}' is not one of the event fields.", nameof(path)));

    public DuckDbColumns Add(string path, string type)
    {
        if (EventFields.TypeOf(path) != type)
        {
            // The cache holds each field as EventFields types it: a query reading it otherwise would differ between the two.
            throw new ArgumentException($"'{path}' is read as {EventFields.TypeOf(path) ?? "nothing"} everywhere, not as {type}.", nameof(type));
        }

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

    /// <summary>Declares <paramref name="column"/> and the fields it is computed from.</summary>
    public DuckDbColumns Add(DerivedColumn column)
    {
        foreach (string path in column.Fields)
        {
            Add(path);
        }

        if (!_derived.Any(d => d.Name == column.Name))
        {
            _derived.Add(column);
        }

        return this;
    }

    public string Render() => string.Join(", ", _root.Order.Select(name => DuckDbJson.Column(name, TypeOf(_root.Children[name]))));

    /// <summary>
    /// The same columns, with the same types, as a <c>SELECT</c> list over a table holding more fields of each struct
    /// (a cache file): every struct rebuilt from the fields declared here, a NULL struct staying NULL.
    /// </summary>
    public string Project() =>
        string.Join(", ", _root.Order.Select(name => $"{Project(_root.Children[name], DuckDbJson.Identifier(name), depth: 0)} AS {DuckDbJson.Identifier(name)}")
            .Concat(_derived.Select(d => DuckDbJson.Identifier(d.Name))));

    /// <summary>The derived columns computed from the fields (a <c>SELECT</c> list over what <see cref="Render"/> reads).</summary>
    public string Derive() => string.Join(", ", _derived.Select(d => $"{d.Expression} AS {DuckDbJson.Identifier(d.Name)}"));

    private static string Project(Node node, string source, int depth)
    {
        if (node.Children.Count == 0)
        {
            return source;
        }

        if (!node.IsList)
        {
            return Struct(node, source, depth);
        }

        string element = "e" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"list_transform({source}, {element} -> {Struct(node, element, depth + 1)})";
    }

    private static string Struct(Node node, string source, int depth)
    {
        IEnumerable<string> fields = node.Order.Select(name =>
            $"{DuckDbJson.Identifier(name)} := {Project(node.Children[name], source + "." + DuckDbJson.Identifier(name), depth)}");
        return $"CASE WHEN {source} IS NULL THEN NULL ELSE struct_pack({string.Join(", ", fields)}) END";
    }

    private static string TypeOf(Node node)
    {
        string type;
        if (node.Children.Count == 0)
        {
            type = node.Type ?? "JSON";
        }
        else
        {
            var fields = new (string Name, string Type)[node.Order.Count];
            for (int i = 0; i < fields.Length; i++)
            {
                fields[i] = (node.Order[i], TypeOf(node.Children[node.Order[i]]));
            }

            type = DuckDbJson.Struct(fields);
        }

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

/// <summary>A column computed from event fields by a constant expression (no bound values), which a cache stores.</summary>
internal sealed record DerivedColumn(string Name, string Expression, IReadOnlyList<string> Fields);
