using System.Globalization;
using System.Text.Json;

namespace SesAnalytics.Engine.Events;

/// <summary>
/// Lenient reads from a JSON object: a missing member or null gives null (or an empty list), a number where text is
/// expected gives its text and the reverse, a single value where a list is expected gives a list of one.
/// </summary>
internal static class JsonValues
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoStringLists =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    public static bool TryGetMember(this JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty(name, out value)
            && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            return true;
        }

        value = default;
        return false;
    }

    public static JsonElement? Object(this JsonElement element, string name) =>
        element.TryGetMember(name, out JsonElement value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public static string? String(this JsonElement element, string name) =>
        element.TryGetMember(name, out JsonElement value) ? AsString(value) : null;

    public static long? Long(this JsonElement element, string name)
    {
        if (!element.TryGetMember(name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetInt64(out long whole) ? whole : (long)Math.Round(value.GetDouble());
        }

        string? text = AsString(value);
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed))
        {
            return parsed;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) && double.IsFinite(real)
            ? (long)Math.Round(real)
            : null;
    }

    public static bool? Bool(this JsonElement element, string name)
    {
        if (!element.TryGetMember(name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.GetDouble() != 0,
            JsonValueKind.String => bool.TryParse(value.GetString(), out bool parsed) ? parsed : null,
            _ => null,
        };
    }

    /// <summary>An ISO 8601 text, or a number of Unix milliseconds, as a UTC time.</summary>
    public static DateTime? Time(this JsonElement element, string name)
    {
        if (!element.TryGetMember(name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long milliseconds)
            && milliseconds is >= 0 and <= 253_402_300_799_999)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime;
        }

        return SesTimestamp.TryParse(AsString(value), out DateTimeOffset parsed) ? parsed.UtcDateTime : null;
    }

    public static IReadOnlyList<string> Strings(this JsonElement element, string name)
    {
        if (!element.TryGetMember(name, out JsonElement value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            string? single = AsString(value);
            return single is null ? [] : [single];
        }

        var list = new List<string>(value.GetArrayLength());
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (AsString(item) is { } text)
            {
                list.Add(text);
            }
        }

        return list;
    }

    public static IReadOnlyList<T> Objects<T>(this JsonElement element, string name, Func<JsonElement, T> read)
    {
        if (!element.TryGetMember(name, out JsonElement value))
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return [read(value)];
        }

        var list = new List<T>();
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    list.Add(read(item));
                }
            }
        }

        return list;
    }

    /// <summary>A map of string to list of strings, as SES writes <c>tags</c> and <c>linkTags</c>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> StringLists(this JsonElement element, string name)
    {
        if (element.Object(name) is not { } map)
        {
            return NoStringLists;
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (JsonProperty property in map.EnumerateObject())
        {
            result[property.Name] = map.Strings(property.Name);
        }

        return result;
    }

    private static string? AsString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => value.GetArrayLength() > 0 ? AsString(value[0]) : null,
        JsonValueKind.Object => value.GetRawText(),
        _ => null,
    };
}
