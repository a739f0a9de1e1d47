using System.Management.Automation;
using System.Text.Json;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// Turns JSON into what PowerShell users expect: objects become PSCustomObjects, arrays object[], numbers long when
/// whole, decimal when exact, double otherwise.
/// </summary>
internal static class JsonObjectConverter
{
    public static object? Convert(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return Convert(document.RootElement);
    }

    public static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToPSObject(element),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => ToNumber(element),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static PSObject ToPSObject(JsonElement element)
    {
        var result = new PSObject();
        foreach (JsonProperty property in element.EnumerateObject())
        {
            // JSON allows a repeated name; like ConvertFrom-Json, the last one wins.
            result.Properties.Remove(property.Name);
            result.Properties.Add(new PSNoteProperty(property.Name, Convert(property.Value)));
        }

        return result;
    }

    private static object ToNumber(JsonElement element)
    {
        if (element.TryGetInt64(out long whole))
        {
            return whole;
        }

        bool exponent = element.GetRawText().AsSpan().IndexOfAny('e', 'E') >= 0;
        return !exponent && element.TryGetDecimal(out decimal exact) ? exact : element.GetDouble();
    }
}
