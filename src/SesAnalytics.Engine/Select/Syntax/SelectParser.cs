using System.Globalization;
using SesAnalytics.Engine.Select.Ast;

namespace SesAnalytics.Engine.Select.Syntax;

/// <summary>
/// Recursive-descent parser for the S3 Select dialect on JSON. Whatever it does not understand fails here, with the
/// construct and its position, so that evaluation never silently answers a different question.
/// </summary>
internal sealed class SelectParser
{
    private static readonly HashSet<string> ScalarFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "LOWER", "UPPER", "CHAR_LENGTH", "CHARACTER_LENGTH", "COALESCE", "NULLIF", "CAST", "SUBSTRING", "TRIM",
        "TO_TIMESTAMP", "UTCNOW",
    };

    private static readonly Dictionary<string, string> CastTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BOOL"] = "BOOL",
        ["BOOLEAN"] = "BOOL",
        ["INT"] = "INT",
        ["INTEGER"] = "INT",
        ["STRING"] = "STRING",
        ["FLOAT"] = "FLOAT",
        ["DOUBLE"] = "FLOAT",
        ["DECIMAL"] = "DECIMAL",
        ["NUMERIC"] = "DECIMAL",
        ["TIMESTAMP"] = "TIMESTAMP",
    };

    private static readonly HashSet<string> AggregateFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "COUNT", "SUM", "AVG", "MIN", "MAX",
    };

    // Words that end a projection or clause; they cannot be a bare alias.
    private static readonly HashSet<string> ClauseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "FROM", "WHERE", "LIMIT", "AS", "AND", "OR", "NOT", "GROUP", "ORDER", "HAVING", "UNION", "INTERSECT",
        "EXCEPT", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "OUTER", "CROSS", "ON", "OFFSET", "LIKE", "IN", "BETWEEN", "IS",
        "ESCAPE", "DISTINCT", "FOR",
    };

    private static readonly Dictionary<string, string> UnsupportedClauses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GROUP"] = "GROUP BY",
        ["ORDER"] = "ORDER BY",
        ["HAVING"] = "HAVING",
        ["UNION"] = "UNION",
        ["INTERSECT"] = "INTERSECT",
        ["EXCEPT"] = "EXCEPT",
        ["OFFSET"] = "OFFSET",
        ["JOIN"] = "a JOIN",
        ["INNER"] = "a JOIN",
        ["LEFT"] = "a JOIN",
        ["RIGHT"] = "a JOIN",
        ["FULL"] = "a JOIN",
        ["CROSS"] = "a JOIN",
    };

    private readonly List<SelectToken> _tokens;
    private readonly List<AggregateExpression> _aggregates = [];
    private int _next;
    private bool _inAggregate;
    private bool _aggregatesAllowed;

    private SelectParser(string text) => _tokens = SelectLexer.Tokenize(text);

    private SelectToken Current => _tokens[_next];

    public static SelectQuery Parse(string text)
    {
        var parser = new SelectParser(text);
        return parser.ParseQuery(text);
    }

    private SelectQuery ParseQuery(string text)
    {
        Expect("SELECT");
        if (Current.IsKeyword("DISTINCT") || Current.IsKeyword("ALL"))
        {
            throw SelectSyntaxError.Unsupported($"SELECT {Current.Text.ToUpperInvariant()}", Current.Position);
        }

        List<(SelectExpression Expression, string? Alias)>? projections = ParseSelectList();
        Expect("FROM");
        string? alias = ParseFrom();
        List<SelectItem>? items = projections?
            .Select((p, i) => new SelectItem(p.Expression, p.Alias ?? DefaultName(p.Expression, i + 1, alias)))
            .ToList();

        SelectExpression? where = null;
        if (Accept("WHERE"))
        {
            where = ParseExpression();
        }

        long? limit = null;
        if (Accept("LIMIT"))
        {
            SelectToken count = Current;
            if (count.Kind != SelectTokenKind.Number || !long.TryParse(count.Text, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            {
                throw SelectSyntaxError.Invalid($"LIMIT needs a whole number of records, not {count.Describe()}", count.Position);
            }

            _next++;
            limit = value;
        }

        if (Current.IsSymbol(";"))
        {
            _next++;
        }

        if (Current.Kind != SelectTokenKind.End)
        {
            throw Unexpected(Current);
        }

        if (_aggregates.Count > 0 && items is not null)
        {
            RejectColumnsBesideAggregates(items);
        }

        return new SelectQuery(text, items, alias, where, limit, _aggregates);
    }

    private List<(SelectExpression, string?)>? ParseSelectList()
    {
        if (Current.IsSymbol("*"))
        {
            _next++;
            return null;
        }

        var items = new List<(SelectExpression, string?)>();
        _aggregatesAllowed = true;
        do
        {
            SelectExpression expression = ParseExpression();
            string? alias = null;
            if (Accept("AS"))
            {
                alias = ParseName("an alias after AS");
            }
            else if (Current.Kind == SelectTokenKind.QuotedIdentifier
                || (Current.Kind == SelectTokenKind.Identifier && !ClauseWords.Contains(Current.Text)))
            {
                alias = ParseName("an alias");
            }

            items.Add((expression, alias));
        }
        while (AcceptSymbol(","));

        _aggregatesAllowed = false;
        return items;
    }

    // S3 Select names an unaliased projection after its last path step, else by position: _1, _2, ...
    private static string DefaultName(SelectExpression expression, int position, string? sourceAlias) =>
        expression is PathExpression path
            && PathBinding.AttributeSteps(path, sourceAlias) is [.., { Name: { } name, Index: null }]
            ? name
            : $"_{position}";

    private string? ParseFrom()
    {
        SelectToken source = Current;
        if (!source.IsKeyword("S3Object"))
        {
            if (source.IsSymbol("("))
            {
                throw SelectSyntaxError.Unsupported("a subquery", source.Position);
            }

            throw SelectSyntaxError.Invalid($"FROM must name S3Object, not {source.Describe()}", source.Position);
        }

        _next++;
        if (Current.IsSymbol("["))
        {
            SelectToken open = Current;
            _next++;
            if (!AcceptSymbol("*") || !AcceptSymbol("]"))
            {
                throw SelectSyntaxError.Unsupported("a FROM path other than S3Object[*]", open.Position, "Select from S3Object[*] and name the attributes with paths in the SELECT list and WHERE clause.");
            }
        }

        if (Current.IsSymbol(".") || Current.IsSymbol("["))
        {
            throw SelectSyntaxError.Unsupported("a FROM path (S3Object[*].path)", Current.Position, "Select from S3Object[*] and name the attributes with paths in the SELECT list and WHERE clause.");
        }

        string? alias = null;
        if (Accept("AS"))
        {
            alias = ParseName("an alias after AS");
        }
        else if (Current.Kind == SelectTokenKind.QuotedIdentifier
            || (Current.Kind == SelectTokenKind.Identifier && !ClauseWords.Contains(Current.Text)))
        {
            alias = ParseName("an alias");
        }

        if (Current.IsSymbol(","))
        {
            throw SelectSyntaxError.Unsupported("a second FROM source (a join)", Current.Position);
        }

        return alias;
    }

    private SelectExpression ParseExpression() => ParseOr();

    private SelectExpression ParseOr()
    {
        SelectExpression left = ParseAnd();
        while (Current.IsKeyword("OR"))
        {
            int position = Current.Position;
            _next++;
            left = new LogicalExpression(false, left, ParseAnd(), position);
        }

        return left;
    }

    private SelectExpression ParseAnd()
    {
        SelectExpression left = ParseNot();
        while (Current.IsKeyword("AND"))
        {
            int position = Current.Position;
            _next++;
            left = new LogicalExpression(true, left, ParseNot(), position);
        }

        return left;
    }

    private SelectExpression ParseNot()
    {
        if (Current.IsKeyword("NOT"))
        {
            int position = Current.Position;
            _next++;
            return new NotExpression(ParseNot(), position);
        }

        return ParsePredicate();
    }

    private SelectExpression ParsePredicate()
    {
        SelectExpression left = ParseOperand();
        SelectToken token = Current;
        if (token.Kind == SelectTokenKind.Symbol && token.Text is "=" or "!=" or "<>" or "<" or "<=" or ">" or ">=")
        {
            _next++;
            string op = token.Text == "<>" ? "!=" : token.Text;
            return new ComparisonExpression(op, left, ParseOperand(), token.Position);
        }

        if (token.IsKeyword("IS"))
        {
            _next++;
            bool negated = Accept("NOT");
            if (Accept("NULL"))
            {
                return new IsExpression(left, false, negated, token.Position);
            }

            if (Accept("MISSING"))
            {
                return new IsExpression(left, true, negated, token.Position);
            }

            if (Current.IsKeyword("TRUE") || Current.IsKeyword("FALSE") || Current.IsKeyword("UNKNOWN"))
            {
                throw SelectSyntaxError.Unsupported($"IS {Current.Text.ToUpperInvariant()}", Current.Position, "Compare with = TRUE or = FALSE instead.");
            }

            throw SelectSyntaxError.Invalid($"IS must be followed by NULL or MISSING, not {Current.Describe()}", Current.Position);
        }

        bool not = false;
        if (token.IsKeyword("NOT") && (Peek(1).IsKeyword("LIKE") || Peek(1).IsKeyword("IN") || Peek(1).IsKeyword("BETWEEN")))
        {
            _next++;
            not = true;
        }

        if (Accept("LIKE"))
        {
            SelectExpression pattern = ParseOperand();
            SelectExpression? escape = Accept("ESCAPE") ? ParseOperand() : null;
            return new LikeExpression(left, pattern, escape, not, token.Position);
        }

        if (Accept("IN"))
        {
            SelectToken open = Current;
            ExpectSymbol("(");
            if (Current.IsKeyword("SELECT"))
            {
                throw SelectSyntaxError.Unsupported("a subquery", Current.Position);
            }

            var items = new List<SelectExpression>();
            do
            {
                items.Add(ParseOperand());
            }
            while (AcceptSymbol(","));
            ExpectSymbol(")");
            return new InExpression(left, items, not, open.Position);
        }

        if (Accept("BETWEEN"))
        {
            SelectExpression low = ParseOperand();
            Expect("AND");
            return new BetweenExpression(left, low, ParseOperand(), not, token.Position);
        }

        if (not)
        {
            throw Unexpected(token);
        }

        return left;
    }

    // Arithmetic binds tighter than comparisons, as in S3 Select's operator precedence table.
    private SelectExpression ParseOperand()
    {
        SelectExpression left = ParseTerm();
        while (Current.IsSymbol("+") || Current.IsSymbol("-"))
        {
            SelectToken op = Current;
            _next++;
            left = new ArithmeticExpression(op.Text, left, ParseTerm(), op.Position);
        }

        if (Current.IsSymbol("||"))
        {
            throw SelectSyntaxError.Unsupported("the operator '||'", Current.Position, "S3 Select's reference lists no string concatenation operator.");
        }

        return left;
    }

    private SelectExpression ParseTerm()
    {
        SelectExpression left = ParseUnary();
        while (Current.IsSymbol("*") || Current.IsSymbol("/") || Current.IsSymbol("%"))
        {
            SelectToken op = Current;
            _next++;
            left = new ArithmeticExpression(op.Text, left, ParseUnary(), op.Position);
        }

        return left;
    }

    private SelectExpression ParseUnary()
    {
        SelectToken token = Current;
        if (token.IsSymbol("-") && Peek(1).Kind != SelectTokenKind.Number)
        {
            _next++;
            return new NegateExpression(ParseUnary(), token.Position);
        }

        return ParsePrimary();
    }

    private SelectExpression ParsePrimary()
    {
        SelectToken token = Current;
        switch (token.Kind)
        {
            case SelectTokenKind.String:
                _next++;
                return new LiteralExpression(SelectValue.Of(token.Text), token.Position);
            case SelectTokenKind.Number:
                _next++;
                return new LiteralExpression(ParseNumber(token.Text, negative: false), token.Position);
            case SelectTokenKind.QuotedIdentifier:
                return ParsePath();
            case SelectTokenKind.Symbol when token.Text == "-" && Peek(1).Kind == SelectTokenKind.Number:
                _next += 2;
                return new LiteralExpression(ParseNumber(_tokens[_next - 1].Text, negative: true), token.Position);
            case SelectTokenKind.Symbol when token.Text == "(":
                _next++;
                if (Current.IsKeyword("SELECT"))
                {
                    throw SelectSyntaxError.Unsupported("a subquery", Current.Position);
                }

                SelectExpression inner = ParseExpression();
                ExpectSymbol(")");
                return inner;
            case SelectTokenKind.Identifier:
                return ParseWord(token);
            default:
                throw Unexpected(token);
        }
    }

    private SelectExpression ParseWord(SelectToken token)
    {
        if (token.IsKeyword("TRUE") || token.IsKeyword("FALSE"))
        {
            _next++;
            return new LiteralExpression(SelectValue.Of(token.IsKeyword("TRUE")), token.Position);
        }

        if (token.IsKeyword("NULL") || token.IsKeyword("MISSING"))
        {
            _next++;
            return new LiteralExpression(token.IsKeyword("NULL") ? SelectValue.Null : SelectValue.Missing, token.Position);
        }

        if (token.IsKeyword("CASE") || token.IsKeyword("EXISTS") || token.IsKeyword("SELECT"))
        {
            throw SelectSyntaxError.Unsupported(token.IsKeyword("CASE") ? "CASE" : "a subquery", token.Position);
        }

        if (Peek(1).IsSymbol("("))
        {
            return ParseFunction(token);
        }

        if (ClauseWords.Contains(token.Text))
        {
            throw Unexpected(token);
        }

        return ParsePath();
    }

    private SelectExpression ParseFunction(SelectToken name)
    {
        string function = name.Text.ToUpperInvariant();
        if (AggregateFunctions.Contains(function))
        {
            return ParseAggregate(name, function);
        }

        if (!ScalarFunctions.Contains(function))
        {
            throw SelectSyntaxError.Unsupported(
                $"the function {function}",
                name.Position,
                "Supported functions: COUNT, SUM, AVG, MIN, MAX, CAST, LOWER, UPPER, TRIM, SUBSTRING, CHAR_LENGTH, CHARACTER_LENGTH, COALESCE, NULLIF, TO_TIMESTAMP, UTCNOW.");
        }

        _next += 2;
        if (function is "CAST" or "SUBSTRING" or "TRIM")
        {
            List<SelectExpression> special = function switch
            {
                "CAST" => ParseCastArguments(),
                "SUBSTRING" => ParseSubstringArguments(),
                _ => ParseTrimArguments(),
            };
            ExpectSymbol(")");
            return new FunctionExpression(function, special, name.Position);
        }

        var arguments = new List<SelectExpression>();
        if (!Current.IsSymbol(")"))
        {
            do
            {
                arguments.Add(ParseExpression());
            }
            while (AcceptSymbol(","));
        }

        ExpectSymbol(")");
        (int min, int max) = function switch
        {
            "COALESCE" => (1, int.MaxValue),
            "NULLIF" => (2, 2),
            "UTCNOW" => (0, 0),
            _ => (1, 1),
        };
        if (arguments.Count < min || arguments.Count > max)
        {
            throw SelectSyntaxError.Invalid($"{function} takes {(min == max ? min.ToString(CultureInfo.InvariantCulture) : $"at least {min}")} argument(s), not {arguments.Count}", name.Position);
        }

        return new FunctionExpression(function, arguments, name.Position);
    }

    // CAST(expression AS type): the type travels as a string literal argument.
    private List<SelectExpression> ParseCastArguments()
    {
        SelectExpression value = ParseExpression();
        Expect("AS");
        SelectToken type = Current;
        if (type.Kind != SelectTokenKind.Identifier)
        {
            throw SelectSyntaxError.Invalid($"CAST needs a type name after AS, not {type.Describe()}", type.Position);
        }

        if (!CastTypes.TryGetValue(type.Text, out string? target))
        {
            throw SelectSyntaxError.Unsupported($"CAST to {type.Text.ToUpperInvariant()}", type.Position, "CAST supports BOOL, INT, INTEGER, STRING, FLOAT, DOUBLE, DECIMAL, NUMERIC and TIMESTAMP.");
        }

        _next++;
        return [value, new LiteralExpression(SelectValue.Of(target), type.Position)];
    }

    // SUBSTRING(string FROM start [FOR length]) or SUBSTRING(string, start [, length]).
    private List<SelectExpression> ParseSubstringArguments()
    {
        var arguments = new List<SelectExpression> { ParseExpression() };
        if (Accept("FROM"))
        {
            arguments.Add(ParseExpression());
            if (Accept("FOR"))
            {
                arguments.Add(ParseExpression());
            }
        }
        else
        {
            ExpectSymbol(",");
            arguments.Add(ParseExpression());
            if (AcceptSymbol(","))
            {
                arguments.Add(ParseExpression());
            }
        }

        return arguments;
    }

    // TRIM([[LEADING | TRAILING | BOTH] [characters] FROM] string): arguments are mode, characters, string.
    private List<SelectExpression> ParseTrimArguments()
    {
        int position = Current.Position;
        string mode = "BOTH";
        bool explicitMode = false;
        foreach (string candidate in new[] { "LEADING", "TRAILING", "BOTH" })
        {
            if (Accept(candidate))
            {
                mode = candidate;
                explicitMode = true;
                break;
            }
        }

        SelectExpression characters = new LiteralExpression(SelectValue.Of(" "), position);
        SelectExpression text;
        if (explicitMode && Accept("FROM"))
        {
            text = ParseExpression();
        }
        else
        {
            SelectExpression first = ParseExpression();
            if (Accept("FROM"))
            {
                characters = first;
                text = ParseExpression();
            }
            else if (explicitMode)
            {
                throw Unexpected(Current, "expected FROM after the characters to trim");
            }
            else
            {
                text = first;
            }
        }

        return [new LiteralExpression(SelectValue.Of(mode), position), characters, text];
    }

    private AggregateExpression ParseAggregate(SelectToken name, string function)
    {
        if (!_aggregatesAllowed)
        {
            throw SelectSyntaxError.Unsupported($"the aggregate function {function} outside the SELECT list", name.Position, "Aggregates belong in the SELECT list: SELECT COUNT(*) FROM S3Object[*] s WHERE ….");
        }

        if (_inAggregate)
        {
            throw SelectSyntaxError.Unsupported($"the aggregate function {function} inside another aggregate", name.Position);
        }

        _next += 2;
        if (Current.IsKeyword("DISTINCT") || Current.IsKeyword("ALL"))
        {
            throw SelectSyntaxError.Unsupported($"{function}({Current.Text.ToUpperInvariant()} …)", Current.Position);
        }

        SelectExpression? argument = null;
        if (function == "COUNT" && Current.IsSymbol("*"))
        {
            _next++;
        }
        else
        {
            _inAggregate = true;
            argument = ParseExpression();
            _inAggregate = false;
        }

        ExpectSymbol(")");
        var aggregate = new AggregateExpression(function, argument, name.Position);
        _aggregates.Add(aggregate);
        return aggregate;
    }

    private PathExpression ParsePath()
    {
        int position = Current.Position;
        var steps = new List<PathStep> { NameStep(Current) };
        _next++;
        while (true)
        {
            if (AcceptSymbol("."))
            {
                SelectToken name = Current;
                if (name.IsSymbol("*"))
                {
                    throw SelectSyntaxError.Unsupported("a wildcard path step (.*)", name.Position, "Name the member, or select the whole object.");
                }

                if (name.Kind is not (SelectTokenKind.Identifier or SelectTokenKind.QuotedIdentifier))
                {
                    throw SelectSyntaxError.Invalid($"a name must follow '.', not {name.Describe()}", name.Position);
                }

                steps.Add(NameStep(name));
                _next++;
            }
            else if (Current.IsSymbol("["))
            {
                steps.Add(ParseBracketStep());
            }
            else
            {
                return new PathExpression(steps, position);
            }
        }
    }

    private PathStep ParseBracketStep()
    {
        _next++;
        SelectToken inside = Current;
        PathStep step;
        if (inside.IsSymbol("*"))
        {
            throw SelectSyntaxError.Unsupported("a wildcard path step ([*])", inside.Position, "Index the array, such as [0], or select the whole array.");
        }

        if (inside.Kind == SelectTokenKind.String)
        {
            step = new PathStep(inside.Text, true, null);
        }
        else if (inside.Kind == SelectTokenKind.Number && int.TryParse(inside.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            step = new PathStep(null, false, index);
        }
        else
        {
            throw SelectSyntaxError.Invalid($"an array index or a quoted name must be inside [ ], not {inside.Describe()}", inside.Position);
        }

        _next++;
        ExpectSymbol("]");
        return step;
    }

    private static PathStep NameStep(SelectToken token) =>
        new(token.Text, token.Kind == SelectTokenKind.QuotedIdentifier, null);

    private static SelectValue ParseNumber(string text, bool negative)
    {
        bool exponent = text.Contains('e', StringComparison.OrdinalIgnoreCase);
        if (!exponent && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal number))
        {
            return SelectValue.Of(negative ? -number : number);
        }

        double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return SelectValue.Of(negative ? -value : value);
    }

    private void RejectColumnsBesideAggregates(List<SelectItem> items)
    {
        foreach (SelectItem item in items)
        {
            if (FindColumnOutsideAggregate(item.Expression) is { } column)
            {
                throw SelectSyntaxError.Unsupported(
                    "a value that is not aggregated beside an aggregate function",
                    column.Position,
                    "S3 Select has no GROUP BY: when one projection is an aggregate, every projection must be.");
            }
        }
    }

    private static PathExpression? FindColumnOutsideAggregate(SelectExpression expression) => expression switch
    {
        PathExpression path => path,
        AggregateExpression => null,
        ComparisonExpression c => FindColumnOutsideAggregate(c.Left) ?? FindColumnOutsideAggregate(c.Right),
        ArithmeticExpression a => FindColumnOutsideAggregate(a.Left) ?? FindColumnOutsideAggregate(a.Right),
        NegateExpression n => FindColumnOutsideAggregate(n.Operand),
        LogicalExpression l => FindColumnOutsideAggregate(l.Left) ?? FindColumnOutsideAggregate(l.Right),
        NotExpression n => FindColumnOutsideAggregate(n.Operand),
        LikeExpression l => FindColumnOutsideAggregate(l.Value) ?? FindColumnOutsideAggregate(l.Pattern),
        InExpression i => FindColumnOutsideAggregate(i.Value) ?? i.Items.Select(FindColumnOutsideAggregate).FirstOrDefault(p => p is not null),
        BetweenExpression b => FindColumnOutsideAggregate(b.Value) ?? FindColumnOutsideAggregate(b.Low) ?? FindColumnOutsideAggregate(b.High),
        IsExpression i => FindColumnOutsideAggregate(i.Value),
        FunctionExpression f => f.Arguments.Select(FindColumnOutsideAggregate).FirstOrDefault(p => p is not null),
        _ => null,
    };

    private string ParseName(string what)
    {
        SelectToken token = Current;
        if (token.Kind is not (SelectTokenKind.Identifier or SelectTokenKind.QuotedIdentifier))
        {
            throw SelectSyntaxError.Invalid($"expected {what}, found {token.Describe()}", token.Position);
        }

        _next++;
        return token.Text;
    }

    private SelectToken Peek(int ahead) => _tokens[Math.Min(_next + ahead, _tokens.Count - 1)];

    private bool Accept(string keyword)
    {
        if (!Current.IsKeyword(keyword))
        {
            return false;
        }

        _next++;
        return true;
    }

    private bool AcceptSymbol(string symbol)
    {
        if (!Current.IsSymbol(symbol))
        {
            return false;
        }

        _next++;
        return true;
    }

    private void Expect(string keyword)
    {
        if (!Accept(keyword))
        {
            throw Unexpected(Current, $"expected {keyword}");
        }
    }

    private void ExpectSymbol(string symbol)
    {
        if (!AcceptSymbol(symbol))
        {
            throw Unexpected(Current, $"expected '{symbol}'");
        }
    }

    private static Errors.InvalidInputException Unexpected(SelectToken token, string? expected = null)
    {
        if (token.Kind == SelectTokenKind.Identifier && UnsupportedClauses.TryGetValue(token.Text, out string? clause))
        {
            return SelectSyntaxError.Unsupported(clause, token.Position);
        }

        string found = $"found {token.Describe()}";
        return SelectSyntaxError.Invalid(expected is null ? found : $"{expected}, {found}", token.Position);
    }
}
