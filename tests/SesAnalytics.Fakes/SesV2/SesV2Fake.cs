using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace SesAnalytics.Fakes.SesV2;

/// <summary>
/// The SES v2 operations (restJson1 under <c>/v2/email/</c>) the wiring and simulator commands call, in memory:
/// configuration sets, their event destinations (which moto does not serve), identities and their default
/// configuration set, SendEmail, and the account-level suppression list (SesV2Fake.Suppression.cs). A loopback
/// server that answers SES hosts it (see CloudFormationFake). Tests set the collections before a call and read them
/// after; the server never calls back into the test.
/// </summary>
public sealed partial class SesV2Fake
{
    private const string Prefix = "/v2/email/";

    private readonly object _lock = new();
    private int _messages;

    /// <summary>Every SES request as "METHOD path after /v2/email/", the path's labels decoded: "PUT identities/a@b.com/configuration-set".</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    public HashSet<string> ConfigurationSets { get; } = new(StringComparer.Ordinal);

    /// <summary>Event destinations by "set/name": the EventDestination JSON GetConfigurationSetEventDestinations answers (with Name).</summary>
    public Dictionary<string, string> Destinations { get; } = new(StringComparer.Ordinal);

    /// <summary>Identity → verified for sending.</summary>
    public Dictionary<string, bool> Identities { get; } = new(StringComparer.Ordinal);

    /// <summary>Identity → the configuration set PutEmailIdentityConfigurationSetAttributes made its default.</summary>
    public Dictionary<string, string> DefaultConfigurationSets { get; } = new(StringComparer.Ordinal);

    /// <summary>SendEmail answers 500 InternalFailure.</summary>
    public bool SendFails { get; set; }

    public bool Handles(FakeRequest request) => request.Path.StartsWith(Prefix, StringComparison.Ordinal);

    public SesV2Answer Answer(FakeRequest request)
    {
        string[] path = request.Path[Prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(WebUtility.UrlDecode).ToArray()!;
        Calls.Enqueue($"{request.Method} {string.Join('/', path)}");
        JsonObject? body = string.IsNullOrEmpty(request.Body) ? null : JsonNode.Parse(request.Body)?.AsObject();
        lock (_lock)
        {
            if (path is ["suppression", "addresses", ..])
            {
                return AnswerSuppression(request, path, body);
            }

            return (request.Method, path) switch
            {
                ("POST", ["configuration-sets"]) => ConfigurationSets.Add((string)body!["ConfigurationSetName"]!)
                    ? Json([])
                    : Failure(400, "AlreadyExistsException", $"Configuration set <{body["ConfigurationSetName"]}> already exists."),
                ("GET", ["configuration-sets", var name]) => ConfigurationSets.Contains(name)
                    ? Json(new JsonObject { ["ConfigurationSetName"] = name, ["SendingOptions"] = new JsonObject { ["SendingEnabled"] = true } })
                    : MissingSet(name),
                ("GET", ["configuration-sets", var name, "event-destinations"]) => ConfigurationSets.Contains(name)
                    ? Json(new JsonObject
                    {
                        ["EventDestinations"] = new JsonArray(Destinations
                            .Where(d => d.Key.StartsWith(name + "/", StringComparison.Ordinal))
                            .Select(d => JsonNode.Parse(d.Value))
                            .ToArray()),
                    })
                    : MissingSet(name),
                ("POST", ["configuration-sets", var name, "event-destinations"]) =>
                    Store(name, (string)body!["EventDestinationName"]!, body["EventDestination"]!.AsObject(), create: true),
                ("PUT", ["configuration-sets", var name, "event-destinations", var destination]) =>
                    Store(name, destination, body!["EventDestination"]!.AsObject(), create: false),
                ("GET", ["identities", var identity]) => Identities.TryGetValue(identity, out bool verified)
                    ? Json(new JsonObject
                    {
                        ["IdentityType"] = identity.Contains('@', StringComparison.Ordinal) ? "EMAIL_ADDRESS" : "DOMAIN",
                        ["VerifiedForSendingStatus"] = verified,
                        ["VerificationStatus"] = verified ? "SUCCESS" : "PENDING",
                    })
                    : Failure(404, "NotFoundException", $"Email identity <{identity}> does not exist."),
                ("PUT", ["identities", var identity, "configuration-set"]) => SetDefault(identity, (string?)body?["ConfigurationSetName"]),
                ("POST", ["outbound-emails"]) => SendFails
                    ? Failure(500, "InternalFailure", "Internal failure")
                    : Json(new JsonObject { ["MessageId"] = "0100018d-fake-" + Interlocked.Increment(ref _messages).ToString("D4", CultureInfo.InvariantCulture) }),
                _ => Failure(400, "BadRequestException", $"This fake does not answer {request.Method} {request.Path}."),
            };
        }
    }

    private SesV2Answer Store(string configurationSet, string name, JsonObject definition, bool create)
    {
        string key = configurationSet + "/" + name;
        if (!ConfigurationSets.Contains(configurationSet))
        {
            return MissingSet(configurationSet);
        }

        if (create && Destinations.ContainsKey(key))
        {
            return Failure(400, "AlreadyExistsException", $"Event destination <{name}> already exists.");
        }

        if (!create && !Destinations.ContainsKey(key))
        {
            return Failure(404, "NotFoundException", $"Event destination <{name}> does not exist.");
        }

        JsonObject stored = definition.DeepClone().AsObject();
        stored["Name"] = name;
        Destinations[key] = stored.ToJsonString();
        return Json([]);
    }

    private SesV2Answer SetDefault(string identity, string? configurationSet)
    {
        if (!Identities.ContainsKey(identity))
        {
            return Failure(404, "NotFoundException", $"Email identity <{identity}> does not exist.");
        }

        DefaultConfigurationSets[identity] = configurationSet ?? string.Empty;
        return Json([]);
    }

    private static SesV2Answer MissingSet(string name) => Failure(404, "NotFoundException", $"Configuration set <{name}> does not exist.");

    private static SesV2Answer Failure(int status, string errorType, string message) =>
        new(status, new JsonObject { ["message"] = message }.ToJsonString(), errorType);

    private static SesV2Answer Json(JsonObject value) => new(200, value.ToJsonString(), null);
}
