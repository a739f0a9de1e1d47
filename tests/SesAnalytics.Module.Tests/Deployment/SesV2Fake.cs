using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.ResponseBuilders;

namespace SesAnalytics.Module.Tests.Deployment;

/// <summary>The SES v2 operations the wiring and simulator commands call, in memory.</summary>
internal sealed class SesV2Fake
{
    private readonly object _lock = new();
    private int _messages;

    public ConcurrentQueue<string> Calls { get; } = new();

    public HashSet<string> ConfigurationSets { get; } = [];

    public Dictionary<string, JsonObject> Destinations { get; } = [];

    /// <summary>Identity → verified for sending.</summary>
    public Dictionary<string, bool> Identities { get; } = [];

    public Dictionary<string, string> DefaultConfigurationSets { get; } = [];

    public bool SendFails { get; set; }

    public ResponseMessage Answer(IRequestMessage request)
    {
        string[] path = request.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(2).Select(WebUtility.UrlDecode).ToArray()!;
        string method = request.Method;
        Calls.Enqueue($"{method} {string.Join('/', path)}");
        JsonObject? body = string.IsNullOrEmpty(request.Body) ? null : JsonNode.Parse(request.Body)!.AsObject();
        lock (_lock)
        {
            return (method, path) switch
            {
                ("POST", ["configuration-sets"]) => Created(ConfigurationSets.Add((string)body!["ConfigurationSetName"]!)),
                ("GET", ["configuration-sets", var name]) => ConfigurationSets.Contains(name)
                    ? Json(new JsonObject { ["ConfigurationSetName"] = name })
                    : NotFound($"Configuration set <{name}> does not exist."),
                ("GET", ["configuration-sets", var name, "event-destinations"]) => Json(new JsonObject
                {
                    ["EventDestinations"] = new JsonArray(Destinations.Where(d => d.Key.StartsWith(name + "/", StringComparison.Ordinal))
                        .Select(d => (JsonNode)d.Value.DeepClone()).ToArray()),
                }),
                ("POST", ["configuration-sets", var name, "event-destinations"]) => Store(name, (string)body!["EventDestinationName"]!, body["EventDestination"]!.AsObject(), create: true),
                ("PUT", ["configuration-sets", var name, "event-destinations", var destination]) => Store(name, destination, body!["EventDestination"]!.AsObject(), create: false),
                ("GET", ["identities", var identity]) => Identities.TryGetValue(identity, out bool verified)
                    ? Json(new JsonObject
                    {
                        ["IdentityType"] = "DOMAIN",
                        ["VerifiedForSendingStatus"] = verified,
                        ["VerificationStatus"] = verified ? "SUCCESS" : "PENDING",
                    })
                    : NotFound($"Email identity <{identity}> does not exist."),
                ("PUT", ["identities", var identity, "configuration-set"]) => SetDefault(identity, (string?)body?["ConfigurationSetName"]),
                ("POST", ["outbound-emails"]) => SendFails
                    ? AwsFake.Reply(500, "application/json", "{\"message\":\"Internal failure\"}", "InternalFailure")
                    : Json(new JsonObject { ["MessageId"] = $"0100018d-{Interlocked.Increment(ref _messages):D4}" }),
                _ => AwsFake.Reply(400, "application/json", "{\"message\":\"unexpected call\"}", "BadRequestException"),
            };
        }
    }

    private ResponseMessage Store(string configurationSet, string name, JsonObject definition, bool create)
    {
        string key = configurationSet + "/" + name;
        if (create && Destinations.ContainsKey(key))
        {
            return AwsFake.Reply(400, "application/json", "{\"message\":\"already exists\"}", "AlreadyExistsException");
        }

        if (!create && !Destinations.ContainsKey(key))
        {
            return NotFound($"Event destination <{name}> does not exist.");
        }

        JsonObject stored = definition.DeepClone().AsObject();
        stored["Name"] = name;
        Destinations[key] = stored;
        return Json([]);
    }

    private ResponseMessage SetDefault(string identity, string? configurationSet)
    {
        DefaultConfigurationSets[identity] = configurationSet ?? string.Empty;
        return Json([]);
    }

    private static ResponseMessage Created(bool added) => added
        ? Json([])
        : AwsFake.Reply(400, "application/json", "{\"message\":\"already exists\"}", "AlreadyExistsException");

    private static ResponseMessage NotFound(string message) =>
        AwsFake.Reply(404, "application/json", new JsonObject { ["message"] = message }.ToJsonString(), "NotFoundException");

    private static ResponseMessage Json(JsonObject value) => AwsFake.Reply(200, "application/json", value.ToJsonString());
}
