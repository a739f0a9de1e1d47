using System.Globalization;
using System.Text.Json.Nodes;

namespace SesAnalytics.Engine.Tests.Aws.Conformance;

/// <summary>
/// Turns an awsQuery form (<c>Action</c>, <c>Version</c>, members flattened as <c>Tags.member.1.Key</c>,
/// <c>Attributes.entry.1.key</c>, <c>Config.Name</c>) back into a value tree of the operation's input shape, typed by
/// the model, so <see cref="ShapeValidator"/> can check it; form keys no member claims are reported.
/// </summary>
internal static class AwsQueryForm
{
    public static (JsonObject Tree, List<string> Problems) ToTree(ServiceModel model, string operation, IReadOnlyDictionary<string, string> form)
    {
        var problems = new List<string>();
        if (!form.TryGetValue("Action", out string? action) || action != operation)
        {
            problems.Add($"Action is '{action}', expected '{operation}'.");
        }

        if (!form.TryGetValue("Version", out string? version) || version != model.ApiVersion)
        {
            problems.Add($"Version is '{version}', expected '{model.ApiVersion}'.");
        }

        var consumed = new HashSet<string>(StringComparer.Ordinal) { "Action", "Version" };
        string? input = model.GetOperation(operation).InputShape;
        var tree = input is null ? new JsonObject() : (JsonObject)Build(model, model.GetShape(input), string.Empty, form, consumed)!;
        problems.AddRange(form.Keys.Where(k => !consumed.Contains(k)).Select(k => $"form field '{k}' is no member of {input}."));
        return (tree, problems);
    }

    private static JsonNode? Build(ServiceModel model, ServiceModel.Shape shape, string prefix, IReadOnlyDictionary<string, string> form, HashSet<string> consumed)
    {
        string Key(string name) => prefix.Length == 0 ? name : prefix + "." + name;
        switch (shape.Type)
        {
            case "structure":
                var structure = new JsonObject();
                foreach (var (name, member) in shape.Members)
                {
                    string key = Key(member.LocationName ?? name);
                    if (form.ContainsKey(key) || form.Keys.Any(k => k.StartsWith(key + ".", StringComparison.Ordinal)))
                    {
                        structure[name] = Build(model, model.GetShape(member.Shape), key, form, consumed);
                    }
                }

                return structure;
            case "list":
                var list = new JsonArray();
                if (form.TryGetValue(prefix, out string? empty) && empty.Length == 0)
                {
                    consumed.Add(prefix);
                    return list;
                }

                for (int i = 1; form.Keys.Any(k => k == Key("member." + i) || k.StartsWith(Key("member." + i) + ".", StringComparison.Ordinal)); i++)
                {
                    list.Add(Build(model, model.GetShape(shape.ListMember), Key("member." + i), form, consumed));
                }

                return list;
            case "map":
                var map = new JsonObject();
                for (int i = 1; form.ContainsKey(Key($"entry.{i}.key")); i++)
                {
                    string entry = Key($"entry.{i}");
                    consumed.Add(entry + ".key");
                    map[form[entry + ".key"]] = Build(model, model.GetShape(shape.MapValue), entry + ".value", form, consumed);
                }

                return map;
            default:
                if (!form.TryGetValue(prefix, out string? text))
                {
                    return null;
                }

                consumed.Add(prefix);
                return shape.Type switch
                {
                    "integer" or "long" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long whole) => JsonValue.Create(whole),
                    "double" or "float" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) => JsonValue.Create(real),
                    "boolean" when bool.TryParse(text, out bool flag) => JsonValue.Create(flag),
                    "timestamp" when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time) =>
                        JsonValue.Create(time.ToUnixTimeSeconds()),
                    _ => JsonValue.Create(text),
                };
        }
    }
}
