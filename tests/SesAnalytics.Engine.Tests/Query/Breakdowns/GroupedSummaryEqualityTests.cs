using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SesAnalytics.Engine.Aws.Athena;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Objects;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Query.Breakdowns;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Tests.Aws.Support;
using SesAnalytics.Engine.Tests.Support;
using SesAnalytics.Fakes.Athena;

namespace SesAnalytics.Engine.Tests.Query.Breakdowns;

/// <summary>
/// Grouped summaries of the same events through DuckDB over a store and through the Athena path (the fake answering
/// with the rows this test computes for the grouped statement, Athena's semantics mimicked: tag keys lower-cased, no
/// match of a regular expression is NULL) are equal; the DuckDB side is also checked against counts worked out by hand.
/// </summary>
public sealed class GroupedSummaryEqualityTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 3, 8);
    private static readonly DayRange OneDay = new(Day, Day);
    private static readonly AthenaTarget Target = new("ses-analytics", "sesanalytics", "events");
    private static readonly string[] Identities = ["a.example", "b.example"];
    private static readonly Regex DomainPattern = new(@"@([^@<>\s]+)>?\s*$", RegexOptions.CultureInvariant);

    private readonly TestStore _store = new();
    private readonly AthenaFake _fake = new();
    private readonly AwsHttpClient _http;
    private readonly List<(string Identity, DateOnly Day, SesEventType Type, JsonNode Json)> _events = [];

    public GroupedSummaryEqualityTests()
    {
        _http = new AwsHttpClient(TestClients.Options("athena", "Athena", new Uri(_fake.EndpointUrl), handler: null));
        Add("a.example", Day, SesEventType.Send, SesRecords.Send("a.example", "x@A.test", "y@b.test"), ("campaign", "spring"), ("ses:configuration-set", "cs1"));
        Add("a.example", Day, SesEventType.Send, SesRecords.Send("a.example", "z@a.test"), ("campaign", "fall"), ("ses:configuration-set", "cs2"));
        Add("b.example", Day, SesEventType.Send, SesRecords.Send("b.example", "q@a.test", "\"Q\" <r@XN--BCHER-KVA.example>"), ("Campaign", "spring"), ("ses:from-domain", "From.Example"));
        Add("a.example", Day, SesEventType.Bounce, SesRecords.Bounce("a.example", "Permanent", "x@A.test"), ("campaign", "spring"), ("ses:configuration-set", "cs1"));
        Add("a.example", Day, SesEventType.Bounce, SesRecords.Bounce("a.example", "Transient", "y@b.test"), ("campaign", "spring"), ("ses:configuration-set", "cs1"));
        Add("b.example", Day, SesEventType.Complaint, SesRecords.Complaint("b.example", "q@a.test"), ("Campaign", "spring"));
        Add("a.example", Day, SesEventType.Open, SesRecords.Other("Open", "a.example"), ("campaign", "fall"), ("ses:configuration-set", "cs2"));
        Add("a.example", Day.AddDays(-1), SesEventType.Send, SesRecords.Send("a.example", "w@a.test", "v@a.test"), ("campaign", "spring"), ("ses:configuration-set", "cs1"));
        Add("a.example", Day.AddDays(-1), SesEventType.Bounce, SesRecords.Bounce("a.example", "Permanent", "w@a.test"), ("campaign", "spring"), ("ses:configuration-set", "cs1"));
    }

    public void Dispose()
    {
        _http.Dispose();
        _fake.Dispose();
        _store.Dispose();
    }

    [Fact]
    public void RecipientDomainsCountEventsOnceAndRecipientsInTheirOwnDomain()
    {
        List<EventSummary> rows = Local(Request(["RecipientDomain"])).ToList();

        // a.test: sends x@A.test (+y@b.test), z@a.test, q@a.test (+r@bücher): 3 sends, 3 recipients; x bounced, q complained.
        // The open was of mail to someone@example.net.
        Assert.Equal(["a.test", "b.test", "bücher.example", "example.net"], rows.Select(r => r.Group));
        Assert.Equal((3L, 3L, 1L, 1L, 1L, 1L, 0L), (rows[0].Sends, rows[0].SentRecipients, rows[0].Bounces, rows[0].HardBouncedRecipients, rows[0].Complaints, rows[0].ComplainedRecipients, rows[0].Opens));
        Assert.Equal((0L, 1L), (rows[3].Sends, rows[3].Opens));
        Assert.Equal((1L, 1L, 1L, 0L), (rows[1].Sends, rows[1].SentRecipients, rows[1].Bounces, rows[1].HardBounces));
        Assert.Equal((1L, 1L), (rows[2].Sends, rows[2].SentRecipients));
    }

    [Fact]
    public void TagsAreMatchedWithoutCaseAndMailWithoutThemIsItsOwnGroup()
    {
        List<EventSummary> rows = Local(Request(["Tag:CAMPAIGN", "ConfigurationSet"])).ToList();

        Assert.Equal(["fall / cs2", "spring / cs1", "spring / -"], rows.Select(r => r.Group));
        Assert.Equal(("campaign=spring", (string?)null, 2L, 1L), (rows[2].Tag, rows[2].ConfigurationSet, rows[2].SentRecipients, rows[2].Complaints));
        Assert.Equal((2L, 1L, 1L), (rows[1].SentRecipients, rows[1].HardBounces, rows[1].Bounces - rows[1].HardBounces));
    }

    [Fact]
    public void ConfigurationSetPatternsKeepOnlyTheirMail()
    {
        List<EventSummary> rows = Local(Request(["Identity"], configurationSets: ["CS[1]"])).ToList();

        EventSummary row = Assert.Single(rows);
        Assert.Equal(("a.example", 1L, 2L, 0L), (row.Identity, row.Sends, row.Bounces, row.Opens));
    }

    public static TheoryData<string[], string[], bool, bool> Groupings => new()
    {
        { ["RecipientDomain"], [], false, false },
        { ["Identity", "RecipientDomain"], [], true, true },
        { ["Tag:campaign", "ConfigurationSet"], [], false, true },
        { ["FromDomain"], [], true, false },
        { ["Identity"], ["cs*"], true, true },
        { ["Identity"], [], false, true },
    };

    [Theory]
    [MemberData(nameof(Groupings))]
    public async Task BothEnginesGiveEqualSummaries(string[] groupBy, string[] configurationSets, bool total, bool compare)
    {
        SummaryRequest request = Request(groupBy, configurationSets, total, compare);
        _fake.SetResults(Columns(request), Types(request), request.ReadsEventFields ? AthenaGroupedRows(request) : AthenaPlainRows(request));

        List<EventSummary> local = Local(request).ToList();
        List<EventSummary> cloud = [];
        await foreach (EventSummary summary in SummaryQueries.CloudAsync(Queries(), Target, request, default))
        {
            cloud.Add(summary);
        }

        Assert.NotEmpty(local);
        Assert.Equal(local, cloud);
    }

    private IEnumerable<EventSummary> Local(SummaryRequest request) => SummaryQueries.Local(_store.Root, request, NullOutputSink.Instance, default);

    private static SummaryRequest Request(string[] groupBy, string[]? configurationSets = null, bool total = false, bool compare = false) =>
        new(EventQuery.AllEvents(OneDay, Identities), GroupBy.Parse(groupBy), configurationSets ?? [], total, compare, ReputationThresholds.Default);

    private void Add(string identity, DateOnly day, SesEventType type, string record, params (string Name, string Value)[] tags)
    {
        JsonNode json = JsonNode.Parse(record)!;
        foreach ((string name, string value) in tags)
        {
            json["mail"]!["tags"]![name] = new JsonArray(value);
        }

        _store.Add(identity, type.WireName(), day, json.ToJsonString());
        _events.Add((identity, day, type, json));
    }

    private static string[] Columns(SummaryRequest request) => request.ReadsEventFields
        ? ["sender_identity", "day", "event_type", .. request.GroupBy.EventKeys.Select((_, i) => $"k{i}"), "_col4", "_col5", "_col6", "_col7"]
        : ["sender_identity", "day", "event_type", "_col3", "_col4", "_col5", "_col6", "_col7"];

    private static string[] Types(SummaryRequest request) =>
        [.. Enumerable.Repeat("varchar", Columns(request).Length - 4), "bigint", "bigint", "bigint", "bigint"];

    /// <summary>What the plain summary statement returns: per identity, day and type.</summary>
    private List<object?[]> AthenaPlainRows(SummaryRequest request) =>
        _events
            .Where(e => request.ReadDays.Contains(e.Day))
            .GroupBy(e => (e.Identity, e.Day, e.Type))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Identity, StringComparer.Ordinal).ThenBy(g => g.Key.Type.WireName(), StringComparer.Ordinal)
            .Select(g => new object?[]
            {
                g.Key.Identity, AthenaPartitions.ToText(g.Key.Day), g.Key.Type.WireName(), (long)g.Count(),
                g.Sum(e => (long)Recipients(e.Json, SesEventType.Send).Count),
                (long)g.Count(e => Permanent(e.Json)),
                g.Where(e => Permanent(e.Json)).Sum(e => (long)Recipients(e.Json, SesEventType.Bounce).Count),
                g.Sum(e => (long)Recipients(e.Json, SesEventType.Complaint).Count),
            })
            .ToList();

    /// <summary>What the grouped statement returns: per identity, day, type and group, one row per recipient domain of an event.</summary>
    private List<object?[]> AthenaGroupedRows(SummaryRequest request)
    {
        var rows = new List<(string Identity, DateOnly Day, SesEventType Type, string?[] Keys, long N, bool Permanent)>();
        foreach (var e in _events.Where(e => request.ReadDays.Contains(e.Day)))
        {
            Dictionary<string, string?> tags = ((JsonObject)e.Json["mail"]!["tags"]!).ToDictionary(t => t.Key.ToLowerInvariant(), t => (string?)t.Value![0]!.GetValue<string>());
            if (request.ConfigurationSetPatterns.Count > 0 && !request.ConfigurationSetPatterns.Any(p => tags.GetValueOrDefault("ses:configuration-set") is { } set && p.IsMatch(set)))
            {
                continue;
            }

            List<string> recipients = Recipients(e.Json, e.Type);
            IEnumerable<(string? Domain, long N)> parts = request.GroupBy.ByRecipient
                ? recipients.GroupBy(r => Domain(r) ?? string.Empty).Select(d => ((string?)d.Key, (long)d.Count()))
                : [(null, recipients.Count)];
            foreach ((string? domain, long n) in parts)
            {
                string?[] keys = request.GroupBy.EventKeys.Select(k => k.Dimension switch
                {
                    GroupDimension.ConfigurationSet => tags.GetValueOrDefault("ses:configuration-set"),
                    GroupDimension.RecipientDomain => domain,
                    GroupDimension.FromDomain => tags.GetValueOrDefault("ses:from-domain") ?? Domain(e.Json["mail"]!["source"]!.GetValue<string>()),
                    _ => tags.GetValueOrDefault(k.TagName!),
                }).ToArray();
                rows.Add((e.Identity, e.Day, e.Type, keys, n, Permanent(e.Json)));
            }
        }

        return rows
            .GroupBy(r => (r.Identity, r.Day, r.Type, Keys: string.Join("\u0001", r.Keys.Select(k => k ?? "\u0000"))))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Identity, StringComparer.Ordinal)
            .Select(g => new object?[] { g.Key.Identity, AthenaPartitions.ToText(g.Key.Day), g.Key.Type.WireName() }
                .Concat(g.First().Keys)
                .Concat(new object?[] { (long)g.Count(), g.Sum(r => r.N), (long)g.Count(r => r.Permanent), g.Where(r => r.Permanent).Sum(r => r.N) })
                .ToArray())
            .ToList();
    }

    private static bool Permanent(JsonNode json) => json["bounce"]?["bounceType"]?.GetValue<string>() == "Permanent";

    private static List<string> Recipients(JsonNode json, SesEventType type) => (type switch
    {
        SesEventType.Send => json["eventType"]!.GetValue<string>() == "Send" ? json["mail"]!["destination"]!.AsArray().Select(r => r!.GetValue<string>()) : [],
        SesEventType.Bounce => json["bounce"]?["bouncedRecipients"]?.AsArray().Select(r => r!["emailAddress"]!.GetValue<string>()) ?? [],
        SesEventType.Complaint => json["complaint"]?["complainedRecipients"]?.AsArray().Select(r => r!["emailAddress"]!.GetValue<string>()) ?? [],
        _ => json["mail"]!["destination"]!.AsArray().Select(r => r!.GetValue<string>()),
    }).ToList();

    private static string? Domain(string address) =>
        DomainPattern.Match(address) is { Success: true } match ? match.Groups[1].Value.ToLowerInvariant() : null;

    private AthenaQueries Queries() => new(
        new AthenaQueryRunner(new AthenaClient(_http), NullOutputSink.Instance) { FirstPollDelay = TimeSpan.FromMilliseconds(5) },
        new BucketIdentities(new ListingS3(Identities), _ => Task.FromResult("events")),
        NullOutputSink.Instance);
}
