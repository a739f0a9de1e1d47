using System.Text.Json.Nodes;

namespace SesAnalytics.Engine.Tests.Aws.Conformance;

/// <summary>
/// Checks a value tree against a model shape and lists every problem: unknown members, wrong JSON types, missing
/// required members, values outside an enum, strings, lists and maps outside their <c>min</c>/<c>max</c>, numbers out
/// of range. JSON bodies are checked as they are; awsQuery forms and restJson1 requests are first turned into the same
/// tree (<see cref="AwsQueryForm"/>, <see cref="RestJsonRequest"/>).
/// </summary>
internal sealed class ShapeValidator(ServiceModel model)
{
    public List<string> Validate(string shapeName, JsonNode? value, string path = "$")
    {
        var problems = new List<string>();
        Check(model.GetShape(shapeName), value, path, problems);
        return problems;
    }

    private void Check(ServiceModel.Shape shape, JsonNode? value, string path, List<string> problems)
    {
        if (value is null)
        {
            problems.Add($"{path}: null where {shape.Name} ({shape.Type}) is expected; null members must be omitted.");
            return;
        }

        switch (shape.Type)
        {
            case "structure":
                CheckStructure(shape, value, path, problems);
                break;
            case "list":
                if (value is not JsonArray array)
                {
                    problems.Add($"{path}: expected a list ({shape.Name}), got {value.GetValueKind()}.");
                    return;
                }

                CheckCount(shape, array.Count, path, problems);
                for (int i = 0; i < array.Count; i++)
                {
                    Check(model.GetShape(shape.ListMember), array[i], $"{path}[{i}]", problems);
                }

                break;
            case "map":
                if (value is not JsonObject map)
                {
                    problems.Add($"{path}: expected a map ({shape.Name}), got {value.GetValueKind()}.");
                    return;
                }

                CheckCount(shape, map.Count, path, problems);
                foreach (var (key, item) in map)
                {
                    Check(model.GetShape(shape.MapKey), JsonValue.Create(key), $"{path}<key {key}>", problems);
                    Check(model.GetShape(shape.MapValue), item, $"{path}.{key}", problems);
                }

                break;
            case "string":
                if (!TryString(value, out string? text))
                {
                    problems.Add($"{path}: expected a string ({shape.Name}), got {value.GetValueKind()}.");
                    return;
                }

                if (shape.Enum is { } allowed && !allowed.Contains(text!))
                {
                    problems.Add($"{path}: '{text}' is not one of {shape.Name}'s values ({string.Join(", ", allowed)}).");
                }

                CheckLength(shape, text!.Length, path, problems);
                break;
            case "blob":
                if (!TryString(value, out string? base64) || !IsBase64(base64!))
                {
                    problems.Add($"{path}: expected a base64 string (blob {shape.Name}).");
                    return;
                }

                CheckLength(shape, Convert.FromBase64String(base64!).Length, path, problems);
                break;
            case "boolean":
                if (value.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
                {
                    problems.Add($"{path}: expected a boolean ({shape.Name}), got {value.GetValueKind()}.");
                }

                break;
            case "integer" or "long":
                if (value is not JsonValue number || !number.TryGetValue(out long whole))
                {
                    problems.Add($"{path}: expected an integral number ({shape.Name}), got {value.ToJsonString()}.");
                    return;
                }

                if ((shape.Min is { } min && whole < min) || (shape.Max is { } max && whole > max))
                {
                    problems.Add($"{path}: {whole} is outside {shape.Name}'s range [{shape.Min}, {shape.Max}].");
                }

                break;
            case "double" or "float" or "timestamp":
                if (value.GetValueKind() != System.Text.Json.JsonValueKind.Number)
                {
                    problems.Add($"{path}: expected a number ({shape.Type} {shape.Name}), got {value.GetValueKind()}.");
                }

                break;
            default:
                problems.Add($"{path}: the checker does not know shape type '{shape.Type}'.");
                break;
        }
    }

    private void CheckStructure(ServiceModel.Shape shape, JsonNode value, string path, List<string> problems)
    {
        if (value is not JsonObject structure)
        {
            problems.Add($"{path}: expected a structure ({shape.Name}), got {value.GetValueKind()}.");
            return;
        }

        var members = shape.Members;
        foreach (var (name, item) in structure)
        {
            if (!members.TryGetValue(name, out ServiceModel.Member? member))
            {
                problems.Add($"{path}.{name}: {shape.Name} has no member '{name}'.");
                continue;
            }

            Check(model.GetShape(member.Shape), item, $"{path}.{name}", problems);
        }

        foreach (string required in shape.Required.Where(r => !structure.ContainsKey(r)))
        {
            problems.Add($"{path}: required member '{required}' of {shape.Name} is missing.");
        }
    }

    private static void CheckCount(ServiceModel.Shape shape, int count, string path, List<string> problems)
    {
        if ((shape.Min is { } min && count < min) || (shape.Max is { } max && count > max))
        {
            problems.Add($"{path}: {count} entries, {shape.Name} allows [{shape.Min}, {shape.Max}].");
        }
    }

    private static void CheckLength(ServiceModel.Shape shape, int length, string path, List<string> problems)
    {
        if ((shape.Min is { } min && length < min) || (shape.Max is { } max && length > max))
        {
            problems.Add($"{path}: length {length}, {shape.Name} allows [{shape.Min}, {shape.Max}].");
        }
    }

    private static bool TryString(JsonNode value, out string? text)
    {
        text = null;
        return value is JsonValue v && v.TryGetValue(out text);
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }
}
