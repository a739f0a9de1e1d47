using System.Globalization;
using System.Text.Json;

namespace SesAnalytics.Engine.Partitioning.Jq;

/// <summary>
/// A jq value: either a view of the input document (no copy) or a value the query built (a literal, an object).
/// </summary>
public readonly struct JqValue
{
    private readonly JsonElement _element;
    private readonly bool _fromElement;
    private readonly string? _string;
    private readonly double _number;
    private readonly List<KeyValuePair<string, JqValue>>? _members;

    private JqValue(JqKind kind, JsonElement element, bool fromElement, string? text, double number, List<KeyValuePair<string, JqValue>>? members)
    {
        Kind = kind;
        _element = element;
        _fromElement = fromElement;
        _string = text;
        _number = number;
        _members = members;
    }

    public JqKind Kind { get; }

    public static JqValue Null => default;

    public bool IsTruthy => Kind is not (JqKind.Null or JqKind.False);

    public static JqValue FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => default,
        JsonValueKind.False => Boolean(false),
        JsonValueKind.True => Boolean(true),
        JsonValueKind.Number => new JqValue(JqKind.Number, element, true, null, 0, null),
        JsonValueKind.String => new JqValue(JqKind.String, element, true, null, 0, null),
        JsonValueKind.Array => new JqValue(JqKind.Array, element, true, null, 0, null),
        _ => new JqValue(JqKind.Object, element, true, null, 0, null),
    };

    public static JqValue Boolean(bool value) => new(value ? JqKind.True : JqKind.False, default, false, null, 0, null);

    public static JqValue String(string value) => new(JqKind.String, default, false, value, 0, null);

    public static JqValue Number(double value) => new(JqKind.Number, default, false, null, value, null);

    internal static JqValue Object(List<KeyValuePair<string, JqValue>> members) => new(JqKind.Object, default, false, null, 0, members);

    /// <summary>jq's name for the kind, as in "Cannot index string with ...".</summary>
    public string KindName => Kind switch
    {
        JqKind.Null => "null",
        JqKind.False or JqKind.True => "boolean",
        JqKind.Number => "number",
        JqKind.String => "string",
        JqKind.Array => "array",
        _ => "object",
    };

    public string GetString() =>
        Kind != JqKind.String ? throw new InvalidOperationException($"A jq {KindName} is not a string.")
        : _fromElement ? _element.GetString()! : _string!;

    /// <summary>The number as jq holds it: a double, with out-of-range literals clamped as jq 1.6 does.</summary>
    public double GetNumber()
    {
        if (Kind != JqKind.Number)
        {
            throw new InvalidOperationException($"A jq {KindName} is not a number.");
        }

        if (!_fromElement)
        {
            return _number;
        }

        if (_element.TryGetDouble(out double value))
        {
            return value;
        }

        double parsed = double.Parse(_element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsPositiveInfinity(parsed) ? double.MaxValue : double.IsNegativeInfinity(parsed) ? double.MinValue : parsed;
    }

    /// <summary>The members in jq's order (input order for input objects, construction order otherwise).</summary>
    public IEnumerable<KeyValuePair<string, JqValue>> Members()
    {
        if (Kind != JqKind.Object)
        {
            throw new InvalidOperationException($"A jq {KindName} has no members.");
        }

        if (!_fromElement)
        {
            return _members!;
        }

        return ElementMembers(_element);
    }

    public IEnumerable<JqValue> Items()
    {
        if (Kind != JqKind.Array)
        {
            throw new InvalidOperationException($"A jq {KindName} has no items.");
        }

        return _element.EnumerateArray().Select(FromElement);
    }

    public bool TryGetMember(string name, out JqValue value)
    {
        if (_fromElement)
        {
            bool found = _element.TryGetProperty(name, out JsonElement member);
            value = found ? FromElement(member) : default;
            return found;
        }

        foreach (KeyValuePair<string, JqValue> member in _members!)
        {
            if (member.Key == name)
            {
                value = member.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The array item at <paramref name="index"/> (negative counts from the end), or null when out of range.</summary>
    public JqValue ItemOrNull(int index)
    {
        int length = _element.GetArrayLength();
        if (index < 0)
        {
            index += length;
        }

        return index >= 0 && index < length ? FromElement(_element[index]) : default;
    }

    public override string ToString() => JqJson.Serialize(this);

    private static IEnumerable<KeyValuePair<string, JqValue>> ElementMembers(JsonElement element)
    {
        foreach (JsonProperty property in element.EnumerateObject())
        {
            yield return new KeyValuePair<string, JqValue>(property.Name, FromElement(property.Value));
        }
    }
}
