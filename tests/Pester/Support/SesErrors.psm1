# An SES v2 fake that fails as SES does (SesErrors.Tests.ps1): SendEmail checks the configuration set, the sender's
# verification, the sandbox's recipients and paused sending, in that order, and answers with SES's error codes and
# messages. The module's SES commands are pointed at it with -EndpointUrl; it listens on 127.0.0.1 only.
#   BeforeAll { Import-Module "$PSScriptRoot/Support/TestSupport.psm1" -Force; Import-Module "$PSScriptRoot/Support/SesErrors.psm1" -Force }

Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1')

function Initialize-SesBehaviourFake {
    Import-TestFakes
    if ('SesAnalyticsTests.SesBehaviourFake' -as [type]) { return }
    $fakes = [SesAnalytics.Fakes.LoopbackServer].Assembly.Location
    Add-Type -ReferencedAssemblies $fakes, System.Net.HttpListener, System.Text.Json, System.Net.Primitives, System.Collections, System.Linq, System.Collections.Concurrent, System.Memory, System.Threading -TypeDefinition @'
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using SesAnalytics.Fakes;

namespace SesAnalyticsTests
{
    /// <summary>SES v2 as far as its failures go: what exists, what is verified, whether the account is in the sandbox.</summary>
    public sealed class SesBehaviourFake : LoopbackServer
    {
        private const string Prefix = "/v2/email/";
        private readonly object _lock = new object();
        private int _messages;

        public HashSet<string> ConfigurationSets { get; } = new HashSet<string>(StringComparer.Ordinal);
        public HashSet<string> PausedConfigurationSets { get; } = new HashSet<string>(StringComparer.Ordinal);
        /// <summary>Event destinations as "set/name".</summary>
        public HashSet<string> Destinations { get; } = new HashSet<string>(StringComparer.Ordinal);
        /// <summary>Verified identities: addresses or domains.</summary>
        public HashSet<string> Identities { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        public bool Sandbox { get; set; }
        public bool AccountPaused { get; set; }
        public ConcurrentQueue<string> Calls { get; } = new ConcurrentQueue<string>();

        protected override void Handle(FakeRequest request, HttpListenerResponse response)
        {
            string[] path = request.Path.StartsWith(Prefix, StringComparison.Ordinal)
                ? request.Path.Substring(Prefix.Length).Split('/', StringSplitOptions.RemoveEmptyEntries).Select(WebUtility.UrlDecode).ToArray()
                : new string[0];
            Calls.Enqueue(request.Method + " " + string.Join("/", path));
            JsonObject body = string.IsNullOrEmpty(request.Body) ? new JsonObject() : JsonNode.Parse(request.Body).AsObject();
            Tuple<int, string, string> answer;
            lock (_lock)
            {
                answer = Answer(request.Method, path, body);
            }

            if (answer.Item2 != null)
            {
                response.AddHeader("x-amzn-ErrorType", answer.Item2);
            }

            response.AddHeader("x-amzn-RequestId", "rid-ses-behaviour");
            Write(response, answer.Item1, "application/json", answer.Item3);
        }

        private Tuple<int, string, string> Answer(string method, string[] path, JsonObject body)
        {
            string key = method + " " + string.Join("/", path.Select((p, i) => i % 2 == 1 ? "{}" : p));
            switch (key)
            {
                case "POST outbound-emails":
                    return Send(body);
                case "GET configuration-sets/{}":
                    return ConfigurationSets.Contains(path[1]) ? Ok(new JsonObject { ["ConfigurationSetName"] = path[1] }) : MissingSet(path[1]);
                case "POST configuration-sets":
                    string created = (string)body["ConfigurationSetName"];
                    return ConfigurationSets.Add(created) ? Ok(new JsonObject()) : Fail(400, "AlreadyExistsException", "Configuration set <" + created + "> already exists.");
                case "GET configuration-sets/{}/event-destinations":
                    return ConfigurationSets.Contains(path[1])
                        ? Ok(new JsonObject { ["EventDestinations"] = new JsonArray(Destinations.Where(d => d.StartsWith(path[1] + "/", StringComparison.Ordinal))
                            .Select(d => (JsonNode)new JsonObject { ["Name"] = d.Substring(path[1].Length + 1), ["Enabled"] = true, ["MatchingEventTypes"] = new JsonArray("BOUNCE") }).ToArray()) })
                        : MissingSet(path[1]);
                case "POST configuration-sets/{}/event-destinations":
                    if (!ConfigurationSets.Contains(path[1])) return MissingSet(path[1]);
                    string name = (string)body["EventDestinationName"];
                    return Destinations.Add(path[1] + "/" + name) ? Ok(new JsonObject()) : Fail(400, "AlreadyExistsException", "Event destination <" + name + "> already exists.");
                case "PUT configuration-sets/{}/event-destinations/{}":
                case "DELETE configuration-sets/{}/event-destinations/{}":
                    if (!ConfigurationSets.Contains(path[1])) return MissingSet(path[1]);
                    return Destinations.Contains(path[1] + "/" + path[3]) ? Ok(new JsonObject()) : Fail(404, "NotFoundException", "Event destination <" + path[3] + "> does not exist.");
                case "GET identities/{}":
                    return Identities.Contains(path[1])
                        ? Ok(new JsonObject { ["IdentityType"] = path[1].Contains('@') ? "EMAIL_ADDRESS" : "DOMAIN", ["VerifiedForSendingStatus"] = true, ["VerificationStatus"] = "SUCCESS" })
                        : Fail(404, "NotFoundException", "Email identity <" + path[1] + "> does not exist.");
                case "PUT identities/{}/configuration-set":
                    if (!Identities.Contains(path[1])) return Fail(404, "NotFoundException", "Email identity <" + path[1] + "> does not exist.");
                    string set = (string)body["ConfigurationSetName"];
                    return set == null || ConfigurationSets.Contains(set) ? Ok(new JsonObject()) : MissingSet(set);
                default:
                    return Fail(400, "BadRequestException", "This fake does not answer " + key + ".");
            }
        }

        private Tuple<int, string, string> Send(JsonObject body)
        {
            string from = Address((string)body["FromEmailAddress"]);
            string[] to = body["Destination"]?["ToAddresses"]?.AsArray().Select(a => Address((string)a)).ToArray() ?? new string[0];
            string set = (string)body["ConfigurationSetName"];
            if (set != null && !ConfigurationSets.Contains(set)) return MissingSet(set);
            var failed = new List<string>();
            if (!Verified(from)) failed.Add(from);
            if (Sandbox) failed.AddRange(to.Where(r => !Verified(r) && !r.EndsWith("@simulator.amazonses.com", StringComparison.OrdinalIgnoreCase)));
            if (failed.Count > 0)
            {
                return Fail(400, "MessageRejected", "Email address is not verified. The following identities failed the check in region US-EAST-1: " + string.Join(", ", failed));
            }

            if (set != null && PausedConfigurationSets.Contains(set))
            {
                return Fail(400, "SendingPausedException", "Sending is paused for this configuration set.");
            }

            if (AccountPaused)
            {
                return Fail(400, "SendingPausedException", "Sending is paused for this account.");
            }

            return Ok(new JsonObject { ["MessageId"] = "0100018d-behaviour-" + System.Threading.Interlocked.Increment(ref _messages).ToString("D4") });
        }

        private bool Verified(string address) =>
            Identities.Contains(address) || (address.Contains('@') && Identities.Contains(address.Substring(address.IndexOf('@') + 1)));

        private static string Address(string value)
        {
            int open = value.IndexOf('<');
            return open >= 0 ? value.Substring(open + 1).TrimEnd('>', ' ') : value.Trim();
        }

        private static Tuple<int, string, string> MissingSet(string name) => Fail(404, "NotFoundException", "Configuration set <" + name + "> does not exist.");

        private static Tuple<int, string, string> Fail(int status, string type, string message) =>
            Tuple.Create(status, type, new JsonObject { ["message"] = message }.ToJsonString());

        private static Tuple<int, string, string> Ok(JsonObject value) => Tuple.Create(200, (string)null, value.ToJsonString());
    }
}
'@
}

# A new SesBehaviourFake on 127.0.0.1 (Dispose() it after use).
function New-SesBehaviourFake {
    Initialize-SesBehaviourFake
    [SesAnalyticsTests.SesBehaviourFake]::new()
}

Export-ModuleMember -Function New-SesBehaviourFake
