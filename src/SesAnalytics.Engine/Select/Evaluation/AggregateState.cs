using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Select.Ast;

namespace SesAnalytics.Engine.Select.Evaluation;

/// <summary>
/// The running state of one aggregate: a count, a sum or an extreme, never the values themselves. NULL and MISSING are
/// skipped. Over no values COUNT is 0 and SUM, AVG, MIN and MAX are NULL, as in SQL.
/// </summary>
internal sealed class AggregateState(AggregateExpression aggregate)
{
    private long _count;
    private decimal _decimalSum;
    private double _doubleSum;
    private bool _sumIsDouble;
    private SelectValue? _extreme;

    public AggregateExpression Aggregate => aggregate;

    public void Add(RecordEvaluator evaluator)
    {
        if (aggregate.Argument is null)
        {
            _count++;
            return;
        }

        SelectValue value = evaluator.Evaluate(aggregate.Argument);
        if (value.IsUnknown)
        {
            return;
        }

        switch (aggregate.Function)
        {
            case "SUM" or "AVG":
                AddToSum(value, evaluator.Line);
                break;
            case "MIN" or "MAX":
                AddExtreme(value, evaluator.Line);
                break;
        }

        _count++;
    }

    public SelectValue Result() => aggregate.Function switch
    {
        "COUNT" => SelectValue.Of((decimal)_count),
        _ when _count == 0 => SelectValue.Null,
        "SUM" => _sumIsDouble ? SelectValue.Of(_doubleSum) : SelectValue.Of(_decimalSum),
        "AVG" => _sumIsDouble ? SelectValue.Of(_doubleSum / _count) : SelectValue.Of(_decimalSum / _count),
        _ => _extreme!,
    };

    private void AddToSum(SelectValue value, long line)
    {
        if (value.Kind != SelectValueKind.Number)
        {
            throw WrongType(value, line, "numbers");
        }

        if (!_sumIsDouble && !value.IsDouble)
        {
            try
            {
                _decimalSum = checked(_decimalSum + value.Decimal);
                return;
            }
            catch (OverflowException)
            {
                // Past decimal's range: carry on in floating point, as S3 Select's FLOAT would.
            }
        }

        if (!_sumIsDouble)
        {
            _doubleSum = (double)_decimalSum;
            _sumIsDouble = true;
        }

        _doubleSum += value.AsDouble;
    }

    private void AddExtreme(SelectValue value, long line)
    {
        if (value.Kind is not (SelectValueKind.Number or SelectValueKind.String or SelectValueKind.Timestamp))
        {
            throw WrongType(value, line, "numbers, strings or timestamps");
        }

        if (_extreme is null)
        {
            _extreme = value.Detach();
            return;
        }

        int order = ValueComparer.Order(value, _extreme) ?? throw WrongType(value, line, $"values of one kind ({_extreme.Kind})");
        if (aggregate.Function == "MIN" ? order < 0 : order > 0)
        {
            _extreme = value.Detach();
        }
    }

    private SesAnalyticsException WrongType(SelectValue value, long line, string expected) =>
        new(
            "IncompatibleAggregateInput",
            ErrorKind.InvalidData,
            $"Line {line}: {aggregate.Function} at position {aggregate.Position} needs {expected}, but got the {value.Kind} {value}. "
            + "Filter the records with WHERE so that only such values reach the aggregate.",
            $"line {line}");
}
