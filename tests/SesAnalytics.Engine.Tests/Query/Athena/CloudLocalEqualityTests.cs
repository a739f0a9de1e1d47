using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SesAnalytics.Engine.Aws.Athena;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Objects;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Tests.Aws.Support;
using SesAnalytics.Engine.Tests.Events;
using SesAnalytics.Engine.Tests.Support;
using SesAnalytics.Fakes.Athena;

namespace SesAnalytics.Engine.Tests.Query.Athena;

/// <summary>
/// The same fixture events through DuckDB over a GZIP store and through the Athena path (the Athena fake answering
/// with the rows <see cref="EventTableRows"/> computes for the table) give equal objects. This proves the two renderings
/// agree and the Athena rows are mapped right; it does not run Athena itself.
/// </summary>
public sealed class CloudLocalEqualityTests : IDisposable
{
    private static readonly DayRange Days = new(new DateOnly(2024, 3, 8), new DateOnly(2024, 3, 9));
    private static readonly AthenaTarget Target = new("ses-analytics", "sesanalytics", "events");
    private static readonly string[] Identities = ["example.com", "mail.example.org"];

    private readonly string _store = Path.Combine(Path.GetTempPath(), "ses-athena-equality-" + Guid.NewGuid().ToString("N"));
    private readonly AthenaFake _fake = new();
    private readonly AwsHttpClient _http;

    public CloudLocalEqualityTests()
    {
        _http = new AwsHttpClient(TestClients.Options("athena", "Athena", new Uri(_fake.EndpointUrl), handler: null));
    }

    public void Dispose()
    {
        _http.Dispose();
        _fake.Dispose();
        if (Directory.Exists(_store))
        {
            Directory.Delete(_store, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Bounces_are_equal_through_the_store_and_through_Athena()
    {
        Skip.IfNot(SesEventFixtures.Exist, SesEventFixtures.Absent);
        List<StoredEvent> events = WriteStore();
        _fake.SetResults(EventTableRows.BounceColumns, EventTableRows.Varchars(20), EventTableRows.Bounces(events));
        EventQuery query = EventQuery.Bounces(Days, Identities);

        List<BounceRecord> local = LocalStoreQueries.Bounces(_store, query, NullOutputSink.Instance, default).ToList();
        List<BounceRecord> cloud = await ToListAsync(Queries().BouncesAsync(Target, query, default));

        Assert.Equal(6, local.Count);
        Assert.Equal(local, cloud);
        Assert.Contains(cloud, b => b.ConfigurationSet == "ConfigSet" && b.SendTime == new DateTimeOffset(2017, 8, 5, 0, 40, 2, 12, TimeSpan.Zero));
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Summaries_are_equal_through_the_store_and_through_Athena(bool total)
    {
        Skip.IfNot(SesEventFixtures.Exist, SesEventFixtures.Absent);
        List<StoredEvent> events = WriteStore();
        _fake.SetResults(EventTableRows.SummaryColumns, [.. EventTableRows.Varchars(3), .. Enumerable.Repeat("bigint", 5)], EventTableRows.Summary(events));
        EventQuery query = EventQuery.AllEvents(Days, Identities);

        List<EventSummary> local = LocalStoreQueries.Summaries(_store, query, total, NullOutputSink.Instance, default).ToList();
        List<EventSummary> cloud = await ToListAsync(Queries().SummariesAsync(Target, query, total, default));

        Assert.Equal(total ? 2 : 4, local.Count);
        Assert.Equal(local, cloud);
        Assert.Contains(cloud, s => s.HardBouncedRecipients > 0 && s.BounceRate is > 0);
    }

    [SkippableFact]
    public async Task Events_of_every_type_are_equal_through_the_store_and_through_Athena()
    {
        Skip.IfNot(SesEventFixtures.Exist, SesEventFixtures.Absent);
        List<StoredEvent> events = WriteStore();
        _fake.SetResults(EventTableRows.EventColumns, EventTableRows.Varchars(3), EventTableRows.Events(events), pageSize: 7);
        EventQuery query = EventQuery.AllEvents(Days, Identities);

        List<SesEvent> local = LocalStoreQueries.Events(_store, query, [], NullOutputSink.Instance, default).ToList();
        List<SesEvent> cloud = await ToListAsync(Queries().EventsAsync(Target, query, [], default));

        Assert.Equal(events.Count, local.Count);
        Assert.Equal(Describe(local), Describe(cloud));
        Assert.Equal(SesEventTypes.All.Order(), cloud.Select(e => e.EventType).Distinct().Order());
        Assert.Contains(cloud, e => e is BounceEvent { Identity: "mail.example.org" } b && b.Bounce.BounceType == "Transient");
    }

    [SkippableFact]
    public async Task Recipient_patterns_and_message_ids_filter_the_same_events_in_both_places()
    {
        Skip.IfNot(SesEventFixtures.Exist, SesEventFixtures.Absent);
        List<StoredEvent> events = WriteStore();
        // Athena filters message ids in SQL, so the fake answers with what that filter leaves; recipients are matched here.
        _fake.SetResults(EventTableRows.EventColumns, EventTableRows.Varchars(3), EventTableRows.Events(events, e => e.Json["mail"]!["messageId"]!.GetValue<string>() == "soft-bounce"));
        var query = new EventQuery(Identities, SesEventTypes.All, Days, [], ["SECOND@*"]);

        List<SesEvent> local = LocalStoreQueries.Events(_store, query, ["soft-bounce"], NullOutputSink.Instance, default).ToList();
        List<SesEvent> cloud = await ToListAsync(Queries().EventsAsync(Target, query, ["soft-bounce"], default));

        Assert.Equal(Describe(local), Describe(cloud));
        Assert.Equal("soft-bounce", Assert.Single(cloud).MessageId);
        JsonElement parameters = AthenaFake.JsonBody(Assert.Single(_fake.CallsTo("StartQueryExecution"))).GetProperty("ExecutionParameters");
        Assert.Contains("'soft-bounce'", parameters.EnumerateArray().Select(p => p.GetString()));
        Assert.DoesNotContain(parameters.EnumerateArray(), p => p.GetString()!.Contains("SECOND", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every property of each event, nested objects and lists included, as JSON: events hold lists, which records compare by reference.</summary>
    private static List<string> Describe(IEnumerable<SesEvent> events) =>
        events.Select(e => JsonSerializer.Serialize(e, e.GetType())).ToList();

    private AthenaQueries Queries() => new(
        new AthenaQueryRunner(new AthenaClient(_http), NullOutputSink.Instance) { FirstPollDelay = TimeSpan.FromMilliseconds(5) },
        new BucketIdentities(new ListingS3(Identities), _ => Task.FromResult("events")),
        NullOutputSink.Instance);

    /// <summary>Every fixture for both identities on both days, plus a soft bounce to two recipients on one partition.</summary>
    private List<StoredEvent> WriteStore()
    {
        var events = new List<StoredEvent>();
        foreach (string identity in Identities)
        {
            foreach (DateOnly day in Days.Days)
            {
                foreach (SesEventType type in SesEventTypes.All)
                {
                    JsonNode json = Fixture(type, identity);
                    var stored = new List<StoredEvent> { new(identity, day, type, json) };
                    if (type == SesEventType.Bounce && identity == Identities[1] && day == Days.To)
                    {
                        JsonNode soft = json.DeepClone();
                        soft["bounce"]!["bounceType"] = "Transient";
                        soft["mail"]!["messageId"] = "soft-bounce";
                        soft["bounce"]!["bouncedRecipients"]!.AsArray().Add(new JsonObject { ["emailAddress"] = "second@example.net", ["action"] = "delayed", ["status"] = "4.2.2" });
                        stored.Add(new(identity, day, type, soft));
                    }

                    Write(identity, day, type, stored.Select(s => s.Json));
                    events.AddRange(stored);
                }
            }
        }

        return events;
    }

    private void Write(string identity, DateOnly day, SesEventType type, IEnumerable<JsonNode> lines)
    {
        string folder = Path.Combine(_store, FirehoseLayout.PartitionedRoot, PathSegment.Encode(identity), PathSegment.Encode(type.WireName()), day.ToString("yyyy"), day.ToString("MM"), day.ToString("dd"));
        Directory.CreateDirectory(folder);
        using var gzip = new GZipStream(File.Create(Path.Combine(folder, "events-1.gz")), CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l.ToJsonString() + "\n"))));
    }

    private static JsonNode Fixture(SesEventType type, string identity)
    {
        JsonNode json = JsonNode.Parse(SesEventFixtures.Read(type.ToString() + ".json"))!;
        if (json["mail"]?["tags"] is JsonObject tags)
        {
            tags["ses:sender-identity"] = new JsonArray(identity);
        }

        return json;
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
