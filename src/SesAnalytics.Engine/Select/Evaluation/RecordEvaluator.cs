using System.Text.Json;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Select.Ast;

namespace SesAnalytics.Engine.Select.Evaluation;

/// <summary>
/// Evaluates expressions against one record at a time with S3 Select's semantics: an absent attribute is MISSING,
/// comparisons with NULL or MISSING are never true, and a type mismatch yields MISSING rather than an error.
/// </summary>
internal sealed class RecordEvaluator(string? sourceAlias)
{
    private readonly LikeMatcher _like = new();
    private JsonElement _record;
    private IReadOnlyDictionary<AggregateExpression, SelectValue>? _aggregates;

    public long Line { get; private set; }

    public void Bind(JsonElement record, long line)
    {
        _record = record;
        Line = line;
    }

    /// <summary>Switches to projecting the final aggregate values, after the last record.</summary>
    public void BindAggregates(IReadOnlyDictionary<AggregateExpression, SelectValue> results) => _aggregates = results;

    public bool IsTrue(SelectExpression condition) => Evaluate(condition) is { Kind: SelectValueKind.Boolean, Boolean: true };

    public SelectValue Evaluate(SelectExpression expression) => expression switch
    {
        LiteralExpression literal => literal.Value,
        PathExpression path => ResolvePath(path),
        ComparisonExpression comparison => Compare(comparison.Operator, Evaluate(comparison.Left), Evaluate(comparison.Right)),
        LogicalExpression logical => Logical(logical),
        NotExpression not => Not(Evaluate(not.Operand)),
        ArithmeticExpression arithmetic => Arithmetic.Apply(arithmetic.Operator, Evaluate(arithmetic.Left), Evaluate(arithmetic.Right), Line),
        NegateExpression negate => Arithmetic.Negate(Evaluate(negate.Operand)),
        LikeExpression like => Like(like),
        InExpression @in => In(@in),
        BetweenExpression between => Between(between),
        IsExpression @is => Is(@is),
        FunctionExpression function => ScalarFunctions.Call(function.Name, function.Arguments.Select(Evaluate).ToList(), Line),
        AggregateExpression aggregate => _aggregates is not null && _aggregates.TryGetValue(aggregate, out SelectValue? result)
            ? result
            : throw new InvalidOperationException("An aggregate was evaluated before the last record."),
        _ => throw new InvalidOperationException($"No evaluation for {expression.GetType().Name}."),
    };

    public static SelectValue Compare(string op, SelectValue left, SelectValue right)
    {
        if (left.Kind == SelectValueKind.Missing || right.Kind == SelectValueKind.Missing)
        {
            return SelectValue.Missing;
        }

        if (left.Kind == SelectValueKind.Null || right.Kind == SelectValueKind.Null)
        {
            return SelectValue.Null;
        }

        if (op is "=" or "!=")
        {
            return SelectValue.Of(ValueComparer.AreEqual(left, right) == (op == "="));
        }

        if (ValueComparer.Order(left, right) is not { } order)
        {
            return SelectValue.Missing;
        }

        return SelectValue.Of(op switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order >= 0,
        });
    }

    private SelectValue ResolvePath(PathExpression path)
    {
        JsonElement current = _record;
        for (int i = PathBinding.FirstAttributeStep(path, sourceAlias); i < path.Steps.Count; i++)
        {
            PathStep step = path.Steps[i];
            if (step.Index is { } index)
            {
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                {
                    return SelectValue.Missing;
                }

                current = current[index];
            }
            else if (current.ValueKind != JsonValueKind.Object || FindMember(current, step) is not { } member)
            {
                return SelectValue.Missing;
            }
            else
            {
                current = member;
            }
        }

        return SelectValue.FromJson(current);
    }

    private JsonElement? FindMember(JsonElement obj, PathStep step)
    {
        string name = step.Name!;
        if (step.CaseSensitive)
        {
            return obj.TryGetProperty(name, out JsonElement exact) ? exact : null;
        }

        JsonProperty? found = null;
        foreach (JsonProperty property in obj.EnumerateObject())
        {
            if (!string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (found is { } earlier && earlier.Name != property.Name)
            {
                throw new SesAnalyticsException(
                    "AmbiguousAttribute",
                    ErrorKind.InvalidData,
                    $"Line {Line}: the unquoted name '{name}' matches both '{earlier.Name}' and '{property.Name}'. Unquoted names ignore case; "
                    + $"quote the name (\"{property.Name}\") to choose one.",
                    $"line {Line}");
            }

            found = property;
        }

        return found?.Value;
    }

    private SelectValue Logical(LogicalExpression logical)
    {
        bool? left = Truth(Evaluate(logical.Left));
        if (left == !logical.IsAnd)
        {
            return SelectValue.Of(left.Value);
        }

        bool? right = Truth(Evaluate(logical.Right));
        if (right == !logical.IsAnd)
        {
            return SelectValue.Of(right.Value);
        }

        return left is null || right is null ? SelectValue.Null : SelectValue.Of(logical.IsAnd);
    }

    private static SelectValue Not(SelectValue value) => Truth(value) is { } truth ? SelectValue.Of(!truth) : value.Kind == SelectValueKind.Null ? SelectValue.Null : SelectValue.Missing;

    private static bool? Truth(SelectValue value) => value.Kind == SelectValueKind.Boolean ? value.Boolean : null;

    private SelectValue Like(LikeExpression like)
    {
        SelectValue value = Evaluate(like.Value);
        SelectValue pattern = Evaluate(like.Pattern);
        SelectValue escape = like.Escape is null ? SelectValue.Of(string.Empty) : Evaluate(like.Escape);
        if (value.IsUnknown || pattern.IsUnknown || escape.IsUnknown)
        {
            return value.Kind == SelectValueKind.Missing || pattern.Kind == SelectValueKind.Missing ? SelectValue.Missing : SelectValue.Null;
        }

        if (value.Kind != SelectValueKind.String || pattern.Kind != SelectValueKind.String || escape.Kind != SelectValueKind.String)
        {
            return SelectValue.Missing;
        }

        if (escape.Text.Length > 1)
        {
            throw new InvalidInputException(
                "InvalidLikeEscape",
                $"The ESCAPE of a LIKE must be one character, not '{escape.Text}'. Use a single character such as '\\'.",
                escape.Text);
        }

        bool matches = _like.IsMatch(value.Text, pattern.Text, escape.Text.Length == 1 ? escape.Text[0] : null);
        return SelectValue.Of(matches != like.Negated);
    }

    private SelectValue In(InExpression @in)
    {
        SelectValue value = Evaluate(@in.Value);
        if (value.IsUnknown)
        {
            return value;
        }

        bool sawUnknown = false;
        foreach (SelectExpression item in @in.Items)
        {
            SelectValue candidate = Evaluate(item);
            if (candidate.IsUnknown)
            {
                sawUnknown = true;
            }
            else if (ValueComparer.AreEqual(value, candidate))
            {
                return SelectValue.Of(!@in.Negated);
            }
        }

        return sawUnknown ? SelectValue.Null : SelectValue.Of(@in.Negated);
    }

    private SelectValue Between(BetweenExpression between)
    {
        SelectValue value = Evaluate(between.Value);
        SelectValue low = Compare(">=", value, Evaluate(between.Low));
        SelectValue high = Compare("<=", value, Evaluate(between.High));
        SelectValue both = (Truth(low), Truth(high)) switch
        {
            (false, _) or (_, false) => SelectValue.False,
            (true, true) => SelectValue.True,
            _ => low.Kind == SelectValueKind.Missing || high.Kind == SelectValueKind.Missing ? SelectValue.Missing : SelectValue.Null,
        };
        return between.Negated ? Not(both) : both;
    }

    private SelectValue Is(IsExpression @is)
    {
        SelectValue value = Evaluate(@is.Value);
        bool matches = @is.TestsMissing ? value.Kind == SelectValueKind.Missing : value.IsUnknown;
        return SelectValue.Of(matches != @is.Negated);
    }
}
