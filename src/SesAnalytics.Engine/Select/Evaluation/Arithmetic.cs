using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Select.Evaluation;

/// <summary>
/// Arithmetic on numbers. Whole numbers stay whole (7 / 2 is 3, as integer division in SQL); a decimal result that
/// overflows continues as a double. MISSING and NULL propagate; a non-number gives MISSING.
/// </summary>
internal static class Arithmetic
{
    public static SelectValue Apply(string op, SelectValue left, SelectValue right, long line)
    {
        if (left.Kind == SelectValueKind.Missing || right.Kind == SelectValueKind.Missing)
        {
            return SelectValue.Missing;
        }

        if (left.Kind == SelectValueKind.Null || right.Kind == SelectValueKind.Null)
        {
            return SelectValue.Null;
        }

        if (left.Kind != SelectValueKind.Number || right.Kind != SelectValueKind.Number)
        {
            return SelectValue.Missing;
        }

        if (op is "/" or "%" && (right.IsDouble ? right.Double == 0 : right.Decimal == 0))
        {
            throw new SesAnalyticsException(
                "DivisionByZero",
                ErrorKind.InvalidData,
                $"Line {line}: the expression divides by zero. Exclude such records with WHERE.",
                $"line {line}");
        }

        if (!left.IsDouble && !right.IsDouble)
        {
            try
            {
                return SelectValue.Of(ApplyDecimal(op, left.Decimal, right.Decimal));
            }
            catch (OverflowException)
            {
                // Beyond decimal's range: fall through to floating point.
            }
        }

        double a = left.AsDouble, b = right.AsDouble;
        return SelectValue.Of(op switch
        {
            "+" => a + b,
            "-" => a - b,
            "*" => a * b,
            "/" => a / b,
            _ => a % b,
        });
    }

    public static SelectValue Negate(SelectValue value) => value.Kind switch
    {
        SelectValueKind.Number when value.IsDouble => SelectValue.Of(-value.Double),
        SelectValueKind.Number => SelectValue.Of(-value.Decimal),
        SelectValueKind.Null => SelectValue.Null,
        _ => SelectValue.Missing,
    };

    private static decimal ApplyDecimal(string op, decimal a, decimal b) => op switch
    {
        "+" => checked(a + b),
        "-" => checked(a - b),
        "*" => checked(a * b),
        "/" when IsWhole(a) && IsWhole(b) => decimal.Truncate(a / b),
        "/" => a / b,
        _ => a % b,
    };

    private static bool IsWhole(decimal value) => value.Scale == 0;
}
