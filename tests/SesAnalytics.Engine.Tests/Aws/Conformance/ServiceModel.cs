using System.Text.Json;
using SesAnalytics.Engine.Tests.Aws.Support;

namespace SesAnalytics.Engine.Tests.Aws.Conformance;

/// <summary>
/// A botocore <c>service-2.json</c>: metadata, operations and shapes, read as they are. Works for every protocol
/// (awsJson1_1, awsQuery, restJson1, restXml), so the same checker serves Firehose, Athena, CloudFormation and SES v2.
/// </summary>
internal sealed class ServiceModel
{
    private readonly JsonElement _root;

    private ServiceModel(JsonDocument document)
    {
        _root = document.RootElement;
    }

    public string Protocol => Metadata("protocol")!;

    public string? TargetPrefix => Metadata("targetPrefix");

    public string? JsonVersion => Metadata("jsonVersion");

    public string? ApiVersion => Metadata("apiVersion");

    /// <summary>Loads <c>botocore-models/&lt;service&gt;/&lt;only version&gt;/service-2.json</c> from the shared reference.</summary>
    public static ServiceModel Load(string service)
    {
        string folder = Directory.GetDirectories(SharedReference.PathOf("botocore-models", service)).Single();
        return new ServiceModel(JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "service-2.json"))));
    }

    public string? Metadata(string name) =>
        _root.GetProperty("metadata").TryGetProperty(name, out JsonElement value) ? value.GetString() : null;

    public bool HasOperation(string name) => _root.GetProperty("operations").TryGetProperty(name, out _);

    public Operation GetOperation(string name)
    {
        JsonElement op = _root.GetProperty("operations").GetProperty(name);
        JsonElement http = op.GetProperty("http");
        return new Operation(
            name,
            http.GetProperty("method").GetString()!,
            http.GetProperty("requestUri").GetString()!,
            op.TryGetProperty("input", out JsonElement input) ? input.GetProperty("shape").GetString() : null,
            op.TryGetProperty("output", out JsonElement output) ? output.GetProperty("shape").GetString() : null);
    }

    /// <summary>A restXml operation's request element: its name and XML namespace, from the operation's <c>input</c>.</summary>
    public (string? Name, string? Namespace) InputElement(string operation)
    {
        JsonElement input = _root.GetProperty("operations").GetProperty(operation).GetProperty("input");
        return (
            input.TryGetProperty("locationName", out JsonElement name) ? name.GetString() : null,
            input.TryGetProperty("xmlNamespace", out JsonElement ns) ? ns.GetProperty("uri").GetString() : null);
    }

    public Shape GetShape(string name) => new(name, _root.GetProperty("shapes").GetProperty(name));

    public sealed record Operation(string Name, string Method, string RequestUri, string? InputShape, string? OutputShape);

    public sealed class Shape(string name, JsonElement definition)
    {
        public string Name { get; } = name;

        public string Type => definition.GetProperty("type").GetString()!;

        public long? Min => definition.TryGetProperty("min", out JsonElement v) ? v.GetInt64() : null;

        public long? Max => definition.TryGetProperty("max", out JsonElement v) ? v.GetInt64() : null;

        public IReadOnlyList<string>? Enum =>
            definition.TryGetProperty("enum", out JsonElement v) ? v.EnumerateArray().Select(e => e.GetString()!).ToList() : null;

        public IReadOnlyList<string> Required =>
            definition.TryGetProperty("required", out JsonElement v) ? v.EnumerateArray().Select(e => e.GetString()!).ToList() : [];

        /// <summary>Members of a structure: name → (target shape, location such as <c>uri</c>/<c>querystring</c>/<c>header</c>, wire name).</summary>
        public IReadOnlyDictionary<string, Member> Members =>
            definition.TryGetProperty("members", out JsonElement members)
                ? members.EnumerateObject().ToDictionary(
                    m => m.Name,
                    m => new Member(
                        m.Value.GetProperty("shape").GetString()!,
                        m.Value.TryGetProperty("location", out JsonElement l) ? l.GetString() : null,
                        m.Value.TryGetProperty("locationName", out JsonElement n) ? n.GetString() : null,
                        m.Value.TryGetProperty("idempotencyToken", out JsonElement t) && t.GetBoolean()),
                    StringComparer.Ordinal)
                : new Dictionary<string, Member>();

        /// <summary>The element shape of a list, the key and value shapes of a map.</summary>
        public string ListMember => definition.GetProperty("member").GetProperty("shape").GetString()!;

        public string MapKey => definition.GetProperty("key").GetProperty("shape").GetString()!;

        public string MapValue => definition.GetProperty("value").GetProperty("shape").GetString()!;
    }

    public sealed record Member(string Shape, string? Location, string? LocationName, bool IdempotencyToken);
}
