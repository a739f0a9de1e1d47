using System.Globalization;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Partitioning.Jq;

/// <summary>
/// Recursive descent over jq 1.6's grammar, restricted to what Firehose MetadataExtraction queries use. Everything else
/// is refused here, at parse time, naming the construct and where it is.
/// </summary>
internal sealed class JqParser
{
    public const string UnsupportedErrorId = "UnsupportedJqConstruct";
    public const string InvalidErrorId = "InvalidJqQuery";

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "def", "as", "if", "then", "elif", "else", "end", "reduce", "foreach", "try", "catch", "label", "import",
        "include", "and", "or", "__loc__",
    };

    private readonly List<JqToken> _tokens;
    private int _next;

    private JqParser(List<JqToken> tokens) => _tokens = tokens;

    private JqToken Current => _tokens[_next];

    public static JqNode Parse(string query)
    {
        var parser = new JqParser(JqLexer.Tokenize(query));
        if (parser.Current.Kind == JqTokenKind.End)
        {
            throw Invalid("the query is empty", 0);
        }

        JqNode root = parser.ParsePipe();
        parser.Expect(JqTokenKind.End, "the end of the query");
        return root;
    }

    internal static InvalidInputException Unsupported(string construct, int position) =>
        new(
            UnsupportedErrorId,
            $"The jq construct {construct} at position {position} is not supported. Partition queries may use object construction, '.', field access, '[index]', '//', '|', '?', parentheses and literals.",
            construct);

    internal static InvalidInputException Invalid(string problem, int position) =>
        new(InvalidErrorId, $"The jq query is not valid jq 1.6: {problem} at position {position}. Correct the query.", position);

    private JqNode ParsePipe()
    {
        JqNode left = ParseAlternative();
        RefuseUnsupportedOperator();
        if (Current.Kind != JqTokenKind.Pipe)
        {
            return left;
        }

        _next++;
        return new JqPipe(left, ParsePipe());
    }

    private JqNode ParseAlternative()
    {
        JqNode left = ParsePostfix();
        RefuseUnsupportedOperator();
        if (Current.Kind != JqTokenKind.Alternative)
        {
            return left;
        }

        _next++;
        return new JqAlternative(left, ParseAlternative());
    }

    private void RefuseUnsupportedOperator()
    {
        JqToken token = Current;
        switch (token.Kind)
        {
            case JqTokenKind.Comma:
                throw Unsupported("',' (several outputs)", token.Position);
            case JqTokenKind.Operator:
                throw Unsupported($"operator '{token.Text}'", token.Position);
            case JqTokenKind.Identifier when token.Text is "and" or "or":
                throw Unsupported($"operator '{token.Text}'", token.Position);
            case JqTokenKind.Identifier when token.Text == "as":
                throw Unsupported("variable binding 'as'", token.Position);
            case JqTokenKind.Semicolon:
                throw Unsupported("';'", token.Position);
        }
    }

    private JqNode ParsePostfix()
    {
        JqNode term = ParsePrimary();
        while (true)
        {
            JqToken token = Current;
            switch (token.Kind)
            {
                case JqTokenKind.Field:
                    _next++;
                    term = new JqIndex(term, new JqLiteral(JqValue.String(token.Text)), TakeQuestion());
                    break;
                case JqTokenKind.Dot when Peek(1).Kind == JqTokenKind.String:
                    _next += 2;
                    term = new JqIndex(term, new JqLiteral(JqValue.String(Peek(-1).Text)), TakeQuestion());
                    break;
                case JqTokenKind.Dot when Peek(1).Kind == JqTokenKind.LeftBracket:
                    throw Invalid("'.[' after a term is jq 1.7 syntax; write 'term[...]'", token.Position);
                case JqTokenKind.LeftBracket:
                    term = new JqIndex(term, ParseBracket(), false);
                    term = ((JqIndex)term) with { Optional = TakeQuestion() };
                    break;
                case JqTokenKind.Question:
                    _next++;
                    term = new JqTry(term);
                    break;
                default:
                    return term;
            }
        }
    }

    private JqNode ParseBracket()
    {
        JqToken open = Current;
        _next++;
        if (Current.Kind == JqTokenKind.RightBracket)
        {
            throw Unsupported("iteration '[]'", open.Position);
        }

        JqNode key = ParsePipe();
        if (Current.Kind == JqTokenKind.Colon)
        {
            throw Unsupported("slice '[from:to]'", Current.Position);
        }

        Expect(JqTokenKind.RightBracket, "']'");
        return key;
    }

    private bool TakeQuestion()
    {
        if (Current.Kind != JqTokenKind.Question)
        {
            return false;
        }

        _next++;
        return true;
    }

    private JqNode ParsePrimary()
    {
        JqToken token = Current;
        switch (token.Kind)
        {
            case JqTokenKind.Dot:
                _next++;
                if (Current.Kind == JqTokenKind.String)
                {
                    _next++;
                    return new JqIndex(new JqIdentity(), new JqLiteral(JqValue.String(Peek(-1).Text)), TakeQuestion());
                }

                return new JqIdentity();
            case JqTokenKind.Field:
                _next++;
                return new JqIndex(new JqIdentity(), new JqLiteral(JqValue.String(token.Text)), TakeQuestion());
            case JqTokenKind.String:
                _next++;
                return new JqLiteral(JqValue.String(token.Text));
            case JqTokenKind.Number:
                _next++;
                return new JqLiteral(JqValue.Number(ParseNumber(token.Text)));
            case JqTokenKind.LeftParen:
                _next++;
                JqNode inner = ParsePipe();
                Expect(JqTokenKind.RightParen, "')'");
                return inner;
            case JqTokenKind.LeftBrace:
                return ParseObject();
            case JqTokenKind.Identifier:
                return ParseIdentifier(token);
            case JqTokenKind.LeftBracket:
                throw Unsupported("array construction '[...]'", token.Position);
            case JqTokenKind.RecurseAll:
                throw Unsupported("recursive descent '..'", token.Position);
            case JqTokenKind.Variable:
                throw Unsupported($"variable '{token.Text}'", token.Position);
            case JqTokenKind.Format:
                throw Unsupported($"format '{token.Text}'", token.Position);
            case JqTokenKind.Operator when token.Text == "-" && Peek(1).Kind == JqTokenKind.Number:
                _next += 2;
                return new JqLiteral(JqValue.Number(-ParseNumber(Peek(-1).Text)));
            case JqTokenKind.Operator when token.Text == "-":
                throw Unsupported("negation '-'", token.Position);
            case JqTokenKind.End:
                throw Invalid("the query ends where a value was expected", token.Position);
            default:
                throw Invalid($"unexpected '{token.Text}'", token.Position);
        }
    }

    private JqNode ParseIdentifier(JqToken token)
    {
        _next++;
        switch (token.Text)
        {
            case "null":
                return new JqLiteral(JqValue.Null);
            case "true":
                return new JqLiteral(JqValue.Boolean(true));
            case "false":
                return new JqLiteral(JqValue.Boolean(false));
            case "if" or "try" or "reduce" or "foreach" or "def" or "label" or "import" or "include":
                throw Unsupported($"'{token.Text}'", token.Position);
            default:
                if (Keywords.Contains(token.Text))
                {
                    throw Invalid($"unexpected keyword '{token.Text}'", token.Position);
                }

                throw Unsupported($"function '{token.Text}'", token.Position);
        }
    }

    private JqNode ParseObject()
    {
        int open = Current.Position;
        _next++;
        var entries = new List<KeyValuePair<string, JqNode>>();
        while (Current.Kind != JqTokenKind.RightBrace)
        {
            JqToken key = Current;
            string name;
            switch (key.Kind)
            {
                case JqTokenKind.Identifier when !Keywords.Contains(key.Text):
                case JqTokenKind.String:
                    name = key.Text;
                    _next++;
                    break;
                case JqTokenKind.Variable:
                    throw Unsupported($"variable '{key.Text}'", key.Position);
                case JqTokenKind.LeftParen:
                    throw Unsupported("computed object key '(...)'", key.Position);
                case JqTokenKind.Format:
                    throw Unsupported($"format '{key.Text}'", key.Position);
                default:
                    throw Invalid($"an object key was expected, not '{key.Text}'", key.Position);
            }

            if (Current.Kind == JqTokenKind.Colon)
            {
                _next++;
                entries.Add(new KeyValuePair<string, JqNode>(name, ParseObjectValue()));
            }
            else if (key.Kind == JqTokenKind.Identifier)
            {
                entries.Add(new KeyValuePair<string, JqNode>(name, new JqIndex(new JqIdentity(), new JqLiteral(JqValue.String(name)), false)));
            }
            else
            {
                throw Invalid("':' was expected after the object key", Current.Position);
            }

            if (Current.Kind == JqTokenKind.Comma)
            {
                _next++;
                continue;
            }

            if (Current.Kind != JqTokenKind.RightBrace)
            {
                throw Current.Kind == JqTokenKind.Alternative
                    ? Invalid("jq 1.6 needs parentheses around an object value that uses '//', as in {Key: (.a // \"x\")}", Current.Position)
                    : Invalid($"',' or '}}' was expected in the object opened at position {open}, not '{Current.Text}'", Current.Position);
            }
        }

        _next++;
        return new JqObjectConstruction(entries);
    }

    // jq 1.6's ExpD: terms joined by '|', nothing else, unless parenthesized.
    private JqNode ParseObjectValue()
    {
        JqNode value = ParsePostfix();
        if (Current.Kind != JqTokenKind.Pipe)
        {
            return value;
        }

        _next++;
        return new JqPipe(value, ParseObjectValue());
    }

    private static double ParseNumber(string text) =>
        Math.Clamp(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), double.MinValue, double.MaxValue);

    private JqToken Peek(int offset) => _tokens[Math.Clamp(_next + offset, 0, _tokens.Count - 1)];

    private void Expect(JqTokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            RefuseUnsupportedOperator();
            throw Invalid($"{what} was expected, not '{Current.Text}'", Current.Position);
        }

        _next++;
    }
}
