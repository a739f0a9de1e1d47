namespace SesAnalytics.Engine.Select.Evaluation;

/// <summary>Equality and order between known values. Values of different kinds are unequal and have no order.</summary>
internal static class ValueComparer
{
    public static bool AreEqual(SelectValue left, SelectValue right)
    {
        if (left.Kind != right.Kind)
        {
            return false;
        }

        return left.Kind switch
        {
            SelectValueKind.Number or SelectValueKind.String or SelectValueKind.Boolean or SelectValueKind.Timestamp => Order(left, right) == 0,
            SelectValueKind.Container => left.Source!.Value.GetRawText() == right.Source!.Value.GetRawText(),
            _ => false,
        };
    }

    public static int? Order(SelectValue left, SelectValue right) => (left.Kind, right.Kind) switch
    {
        (SelectValueKind.Number, SelectValueKind.Number) => left.IsDouble || right.IsDouble
            ? left.AsDouble.CompareTo(right.AsDouble)
            : left.Decimal.CompareTo(right.Decimal),
        (SelectValueKind.String, SelectValueKind.String) => Math.Sign(string.CompareOrdinal(left.Text, right.Text)),
        (SelectValueKind.Boolean, SelectValueKind.Boolean) => left.Boolean.CompareTo(right.Boolean),
        (SelectValueKind.Timestamp, SelectValueKind.Timestamp) => left.Timestamp.CompareTo(right.Timestamp),
        _ => null,
    };
}
