using System.Globalization;
using System.Text.Json;

namespace SesAnalytics.Engine.Select;

/// <summary>
/// A value during evaluation. A value read from the input keeps its <see cref="JsonElement"/> so that it is written back
/// exactly as it came; such a value lives only as long as its record (see <see cref="Detach"/>).
/// </summary>
internal sealed class SelectValue
{
    public static readonly SelectValue Missing = new(SelectValueKind.Missing);
    public static readonly SelectValue Null = new(SelectValueKind.Null);
    public static readonly SelectValue True = new(SelectValueKind.Boolean) { Boolean = true };
    public static readonly SelectValue False = new(SelectValueKind.Boolean);

    private SelectValue(SelectValueKind kind) => Kind = kind;

    public SelectValueKind Kind { get; }

    public bool Boolean { get; private init; }

    /// <summary>The number when it fits a decimal exactly enough; otherwise <see cref="IsDouble"/> and <see cref="Double"/>.</summary>
    public decimal Decimal { get; private init; }

    public double Double { get; private init; }

    public bool IsDouble { get; private init; }

    public string Text { get; private init; } = string.Empty;

    public DateTimeOffset Timestamp { get; private init; }

    public JsonElement? Source { get; private init; }

    public bool IsUnknown => Kind is SelectValueKind.Missing or SelectValueKind.Null;

    public double AsDouble => IsDouble ? Double : (double)Decimal;

    public static SelectValue Of(bool value) => value ? True : False;

    public static SelectValue Of(decimal value) => new(SelectValueKind.Number) { Decimal = value };

    public static SelectValue Of(double value) => new(SelectValueKind.Number) { Double = value, IsDouble = true };

    public static SelectValue Of(string value) => new(SelectValueKind.String) { Text = value };

    public static SelectValue Of(DateTimeOffset value) => new(SelectValueKind.Timestamp) { Timestamp = value };

    public static SelectValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => Null,
        JsonValueKind.True => True,
        JsonValueKind.False => False,
        JsonValueKind.String => new(SelectValueKind.String) { Text = element.GetString()!, Source = element },
        JsonValueKind.Number when element.TryGetDecimal(out decimal number) => new(SelectValueKind.Number) { Decimal = number, Source = element },
        JsonValueKind.Number => new(SelectValueKind.Number) { Double = element.GetDouble(), IsDouble = true, Source = element },
        _ => new(SelectValueKind.Container) { Source = element },
    };

    /// <summary>A copy that outlives the record it came from (aggregates keep these).</summary>
    public SelectValue Detach() => Source is null
        ? this
        : new(Kind) { Boolean = Boolean, Decimal = Decimal, Double = Double, IsDouble = IsDouble, Text = Text, Source = Kind == SelectValueKind.Container ? Source.Value.Clone() : null };

    public void WriteTo(Utf8JsonWriter writer)
    {
        if (Source is { } source)
        {
            source.WriteTo(writer);
            return;
        }

        switch (Kind)
        {
            case SelectValueKind.Boolean:
                writer.WriteBooleanValue(Boolean);
                break;
            case SelectValueKind.Number when IsDouble:
                writer.WriteNumberValue(Double);
                break;
            case SelectValueKind.Number:
                writer.WriteNumberValue(Decimal);
                break;
            case SelectValueKind.String:
                writer.WriteStringValue(Text);
                break;
            case SelectValueKind.Timestamp:
                writer.WriteStringValue(ToString());
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    public override string ToString() => Kind switch
    {
        SelectValueKind.Number when IsDouble => Double.ToString("R", CultureInfo.InvariantCulture),
        SelectValueKind.Number => Decimal.ToString(CultureInfo.InvariantCulture),
        SelectValueKind.String => Text,
        SelectValueKind.Boolean => Boolean ? "true" : "false",
        SelectValueKind.Timestamp => Timestamp.Offset == TimeSpan.Zero
            ? Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            : Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        SelectValueKind.Container => Source!.Value.GetRawText(),
        _ => Kind.ToString().ToUpperInvariant(),
    };
}
