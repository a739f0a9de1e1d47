using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SesAnalytics.Engine.Tests.Aws.Conformance;

/// <summary>
/// Turns a restJson1 request (method, <c>requestUri</c> with <c>{Label}</c>/<c>{Label+}</c> path parameters,
/// querystring and header members, JSON body) back into one value tree of the operation's input shape, so
/// <see cref="ShapeValidator"/> can check it; a method or path that does not fit the operation is reported.
/// </summary>
internal static class RestJsonRequest
{
    public static (JsonObject Tree, List<string> Problems) ToTree(
        ServiceModel model, string operation, HttpMethod method, Uri uri, IReadOnlyDictionary<string, string> headers, string body)
    {
        var problems = new List<string>();
        ServiceModel.Operation op = model.GetOperation(operation);
        if (!string.Equals(op.Method, method.Method, StringComparison.Ordinal))
        {
            problems.Add($"method {method.Method}, the model says {op.Method}.");
        }

        string template = op.RequestUri.Split('?')[0];
        var pattern = new Regex(
            "^" + Regex.Replace(Regex.Escape(template), @"\\\{(\w+)((?:\\\+)?)}", m => $"(?<{m.Groups[1].Value}>{(m.Groups[2].Value.Length > 0 ? ".+" : "[^/]+")})") + "$");
        Match path = pattern.Match(uri.AbsolutePath);
        if (!path.Success)
        {
            problems.Add($"path '{uri.AbsolutePath}' does not fit '{template}'.");
        }

        var tree = body.Trim().Length == 0 ? new JsonObject() : JsonNode.Parse(body)!.AsObject();
        if (op.InputShape is null)
        {
            return (tree, problems);
        }

        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .GroupBy(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty))
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (name, member) in model.GetShape(op.InputShape).Members)
        {
            string wire = member.LocationName ?? name;
            ServiceModel.Shape shape = model.GetShape(member.Shape);
            switch (member.Location)
            {
                case "uri" when path.Success && path.Groups[wire].Success:
                    tree[name] = Scalar(shape, Uri.UnescapeDataString(path.Groups[wire].Value));
                    break;
                case "querystring" when query.TryGetValue(wire, out var values):
                    tree[name] = shape.Type == "list"
                        ? new JsonArray(values.Select(v => Scalar(model.GetShape(shape.ListMember), v)).ToArray())
                        : Scalar(shape, values[0]);
                    break;
                case "header" when headers.TryGetValue(wire, out string? header):
                    tree[name] = Scalar(shape, header);
                    break;
            }
        }

        return (tree, problems);
    }

    /// <summary>A scalar sent as text (URI label, query, header, XML element) as the JSON value the validator expects.</summary>
    internal static JsonNode Scalar(ServiceModel.Shape shape, string text) => shape.Type switch
    {
        "integer" or "long" when long.TryParse(text, out long whole) => JsonValue.Create(whole),
        "boolean" when bool.TryParse(text, out bool flag) => JsonValue.Create(flag),
        "timestamp" when DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time) =>
            JsonValue.Create(time.ToUnixTimeSeconds()),
        _ => JsonValue.Create(text),
    };
}
