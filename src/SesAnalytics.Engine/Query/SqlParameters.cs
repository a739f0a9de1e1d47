namespace SesAnalytics.Engine.Query;

/// <summary>Collects the values of a statement being rendered and hands out their positional placeholders.</summary>
internal sealed class SqlParameters
{
    private readonly List<object> _values = [];

    public IReadOnlyList<object> Values => _values;

    public string Bind(object value)
    {
        _values.Add(value);
        return "$" + _values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
