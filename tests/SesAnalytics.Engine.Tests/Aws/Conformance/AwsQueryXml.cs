using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace SesAnalytics.Engine.Tests.Aws.Conformance;

/// <summary>
/// Turns an awsQuery answer (<c>&lt;OpResponse xmlns=...&gt;&lt;OpResult&gt;</c>, lists as <c>&lt;member&gt;</c>, maps as
/// <c>&lt;entry&gt;&lt;key/&gt;&lt;value/&gt;</c>) into a value tree of the operation's output shape, typed by the model,
/// so <see cref="ShapeValidator"/> can check a hand-written sample; an element no member claims stays in the tree as
/// text, where the validator reports it.
/// </summary>
internal static class AwsQueryXml
{
    public static (JsonObject Tree, List<string> Problems) ToTree(ServiceModel model, string operation, string xml)
    {
        var problems = new List<string>();
        XElement root = XElement.Parse(xml);
        XNamespace expected = model.Metadata("xmlNamespace") ?? string.Empty;
        if (root.Name != expected + (operation + "Response"))
        {
            problems.Add($"root is {root.Name}, expected {expected + (operation + "Response")}.");
        }

        XElement? result = root.Element(expected + (operation + "Result"));
        string? output = model.GetOperation(operation).OutputShape;
        if (result is null || output is null)
        {
            problems.Add($"no <{operation}Result> or no output shape.");
            return (new JsonObject(), problems);
        }

        return ((JsonObject)Build(model, model.GetShape(output), result), problems);
    }

    private static JsonNode Build(ServiceModel model, ServiceModel.Shape shape, XElement element)
    {
        switch (shape.Type)
        {
            case "structure":
                var structure = new JsonObject();
                var members = shape.Members;
                foreach (XElement child in element.Elements())
                {
                    string name = child.Name.LocalName;
                    structure[name] = members.TryGetValue(name, out ServiceModel.Member? member)
                        ? Build(model, model.GetShape(member.Shape), child)
                        : JsonValue.Create(child.Value);
                }

                return structure;
            case "list":
                return new JsonArray(element.Elements().Select(m => m.Name.LocalName == "member"
                    ? Build(model, model.GetShape(shape.ListMember), m)
                    : JsonValue.Create($"<{m.Name.LocalName}> is not <member>")).ToArray());
            case "map":
                var map = new JsonObject();
                foreach (XElement entry in element.Elements())
                {
                    map[entry.Elements().First(e => e.Name.LocalName == "key").Value] =
                        Build(model, model.GetShape(shape.MapValue), entry.Elements().First(e => e.Name.LocalName == "value"));
                }

                return map;
            default:
                string text = element.Value;
                return shape.Type switch
                {
                    "integer" or "long" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long whole) => JsonValue.Create(whole),
                    "double" or "float" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) => JsonValue.Create(real),
                    "boolean" when bool.TryParse(text, out bool flag) => JsonValue.Create(flag),
                    "timestamp" when DateTimeOffset.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time) =>
                        JsonValue.Create(time.ToUnixTimeSeconds()),
                    _ => JsonValue.Create(text),
                };
        }
    }
}
