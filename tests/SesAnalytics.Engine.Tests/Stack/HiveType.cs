namespace SesAnalytics.Engine.Tests.Stack;

/// <summary>A parsed Hive type: a primitive name, or array/map (with <see cref="Element"/>) or struct (with <see cref="Fields"/>).</summary>
internal sealed record HiveNode(string Kind, HiveNode? Element = null, IReadOnlyDictionary<string, HiveNode>? Fields = null);

/// <summary>A small recursive-descent checker of Hive type strings: primitives, array&lt;t&gt;, map&lt;k,v&gt;, struct&lt;name:t,…&gt;.</summary>
internal sealed class HiveType
{
    private static readonly HashSet<string> Primitives =
        ["string", "boolean", "tinyint", "smallint", "int", "bigint", "float", "double", "date", "timestamp", "binary", "decimal"];

    private readonly string _text;
    private int _position;

    private HiveType(string text) => _text = text;

    /// <summary>Null when the type is valid; otherwise what is wrong and where.</summary>
    public static string? Problem(string text)
    {
        var parser = new HiveType(text);
        try
        {
            parser.Type();
            return parser._position == text.Length ? null : $"unexpected '{text[parser._position..]}' at {parser._position}";
        }
        catch (FormatException error)
        {
            return error.Message;
        }
    }

    public static HiveNode Parse(string text)
    {
        var parser = new HiveType(text);
        HiveNode node = parser.Type();
        return parser._position == text.Length ? node : throw new FormatException($"unexpected '{text[parser._position..]}' at {parser._position}");
    }

    private HiveNode Type()
    {
        string name = Identifier();
        HiveNode element;
        switch (name)
        {
            case "array":
                Expect('<');
                element = Type();
                Expect('>');
                return new HiveNode(name, element);
            case "map":
                Expect('<');
                string key = Identifier();
                if (!Primitives.Contains(key))
                {
                    throw new FormatException($"a map key must be a primitive type, not '{key}'");
                }

                Expect(',');
                element = Type();
                Expect('>');
                return new HiveNode(name, element);
            case "struct":
                Expect('<');
                var fields = new Dictionary<string, HiveNode>();
                do
                {
                    string field = Identifier();
                    Expect(':');
                    if (!fields.TryAdd(field, Type()))
                    {
                        throw new FormatException($"field '{field}' appears twice in a struct");
                    }
                }
                while (TryTake(','));
                Expect('>');
                return new HiveNode(name, Fields: fields);
            default:
                return Primitives.Contains(name) ? new HiveNode(name) : throw new FormatException($"'{name}' is not a Hive type");
        }
    }

    private string Identifier()
    {
        int start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterLower(_text[_position]) || char.IsAsciiDigit(_text[_position]) || _text[_position] == '_'))
        {
            _position++;
        }

        return _position > start ? _text[start.._position] : throw new FormatException($"expected a lowercase name at {start} in '{_text}'");
    }

    private void Expect(char c)
    {
        if (!TryTake(c))
        {
            throw new FormatException($"expected '{c}' at {_position} in '{_text}'");
        }
    }

    private bool TryTake(char c)
    {
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }
}
