using System.Text.Json;
using System.Text.Json.Nodes;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Breakdowns;
using SesAnalytics.Engine.Query.Delivery;
using SesAnalytics.Engine.Query.Engagement;
using SesAnalytics.Engine.Query.Failures;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Samples;
using SesAnalytics.Engine.Store.Cache;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Store.Cache;

/// <summary>
/// A store holding every event type: the AWS examples (moved to one day and tagged), SNS-shaped notifications, and
/// generated events imported over three days; and every local question asked of it, as JSON text to compare.
/// </summary>
public sealed class CachedStore : IDisposable
{
    public static readonly DateOnly Day = new(2024, 3, 8);
    public static readonly DayRange Range = new(Day.AddDays(-2), Day.AddDays(2));

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly TestStore _store = new();

    public CachedStore()
    {
        string[] fixtures = ["Send", "Reject", "Bounce", "Complaint", "Delivery", "Open", "Click", "RenderingFailure", "DeliveryDelay", "Subscription"];
        foreach (string name in fixtures)
        {
            JsonNode record = OnDay(SesRecords.Fixture(name, "fixtures.example"));
            record["mail"]!["tags"]!["campaign"] = new JsonArray("spring");
            _store.Add("fixtures.example", record["eventType"]!.GetValue<string>(), Day, record.ToJsonString());
        }

        foreach (string name in (string[])["Bounce", "Complaint", "Delivery"])
        {
            JsonObject record = OnDay(SesRecords.Fixture(name, "sns.example")).AsObject();
            record.Remove("eventType");
            record["notificationType"] = name;
            _store.Add("sns.example", name, Day, record.ToJsonString(), SesRecords.Send("sns.example", "other@sns.test"));
        }

        // Recipients whose domains the cache stores computed: a display name, capitals, a trailing dot, none at all.
        _store.Add("odd.example", "Send", Day,
            SesRecords.Send("odd.example", "\"Ann\" <ann@Mixed.Example>", "bob@mixed.example.", "nobody"),
            SesRecords.Send("odd.example", "c@MIXED.example", "d@other.test"));
        _store.Add("odd.example", "Bounce", Day, SesRecords.Bounce("odd.example", "Permanent", "ann@Mixed.Example", "x@Other.Test"));

        var generator = new SampleEventGenerator { Start = Day.AddDays(-1), Days = 3, NotAfter = new DateTimeOffset(Day.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), Seed = 7 };
        using var import = new SesEventImport(new ImportOptions(Root), NullOutputSink.Instance, CancellationToken.None);
        import.ImportText(string.Join('\n', generator.GenerateLines(1500)), "generated");
        import.Complete();
    }

    public string Root => _store.Root;

    public TestStore Store => _store;

    public void Dispose() => _store.Dispose();

    /// <summary>Builds the cache of every folder; the entries built.</summary>
    public IReadOnlyList<EventCacheEntry> BuildCache(RecordingSink? sink = null, bool force = false)
    {
        var caches = new EventCaches(Root, sink ?? new RecordingSink());
        var built = new List<EventCacheEntry>();
        caches.UpdateAsync(caches.Find([], SesEventTypes.All, DayRange.Bounded(null, null), verify: false).ToList(), force, _ => Task.FromResult(true), built.Add, warnUnbuildable: false, default)
            .GetAwaiter().GetResult();
        return built;
    }

    public IReadOnlyList<EventCacheEntry> Entries(bool verify = false) =>
        new EventCaches(Root, NullOutputSink.Instance).Find([], SesEventTypes.All, DayRange.Bounded(null, null), verify).ToList();

    /// <summary>The answers with the cache folder moved away: what the objects alone say.</summary>
    public IReadOnlyList<(string Question, string Answer)> AnswersWithoutCache()
    {
        string cache = EventCache.Root(Root);
        string aside = cache + "-aside";
        bool exists = Directory.Exists(cache);
        if (exists)
        {
            Directory.Move(cache, aside);
        }

        try
        {
            return Answers(new RecordingSink());
        }
        finally
        {
            if (exists)
            {
                Directory.Move(aside, cache);
            }
        }
    }

    public IReadOnlyList<(string Question, string Answer)> Answers(RecordingSink sink)
    {
        EventQuery all = EventQuery.AllEvents(Range);
        var answers = new List<(string, string)>
        {
            ("bounces", Text(LocalStoreQueries.Bounces(Root, EventQuery.Bounces(Range), sink, default))),
            ("hard bounces of a-m", Text(LocalStoreQueries.Bounces(Root, EventQuery.Bounces(Range, bounceTypes: ["Permanent"], recipients: ["[a-m]*", "*@simulator.amazonses.com"]), sink, default))),
            ("bounces of one identity", Text(LocalStoreQueries.Bounces(Root, EventQuery.Bounces(Range, identities: ["example.com"]), sink, default))),
            ("summary", Text(LocalStoreQueries.Summaries(Root, all, total: false, sink, default))),
            ("summary total", Text(LocalStoreQueries.Summaries(Root, all, total: true, sink, default))),
            ("delivery times", Text(DeliveryTimes.FromStore(Root, all, GroupBy.ByIdentity, total: false, sink, default))),
            ("delivery times by domain", Text(DeliveryTimes.FromStore(Root, all, GroupBy.Parse(["RecipientDomain", "ConfigurationSet"]), total: true, sink, default))),
            ("failures", Text(FailureSummaries.FromStore(Root, all, GroupBy.ByIdentity, Enum.GetValues<FailureKind>(), total: false, sink, default))),
            ("failures by domain", Text(FailureSummaries.FromStore(Root, all, GroupBy.Parse(["RecipientDomain", "FromDomain"]), Enum.GetValues<FailureKind>(), total: true, sink, default))),
            ("engagement", Text(LocalEngagementQueries.Summaries(Root, Engagement(GroupBy.ByIdentity, total: false), sink, default))),
            ("engagement by tag", Text(LocalEngagementQueries.Summaries(Root, Engagement(GroupBy.Parse(["Tag:campaign", "RecipientDomain"]), total: true), sink, default))),
            ("links", Text(LocalEngagementQueries.Links(Root, new LinkQuery([], Range, GroupBy.ByIdentity, 10), sink, default))),
            ("links by configuration set", Text(LocalEngagementQueries.Links(Root, new LinkQuery([], Range, GroupBy.Parse(["ConfigurationSet"]), 10), sink, default))),
        };
        string[][] groupings = [["Identity"], ["ConfigurationSet"], ["RecipientDomain"], ["FromDomain"], ["Tag:campaign"], ["Identity", "RecipientDomain"]];
        foreach (string[] keys in groupings)
        {
            foreach (bool total in (bool[])[false, true])
            {
                var request = new SummaryRequest(all, GroupBy.Parse(keys), [], total, Compare: false, ReputationThresholds.Default);
                answers.Add(($"summary by {string.Join(",", keys)}{(total ? " total" : string.Empty)}", Text(SummaryQueries.Local(Root, request, sink, default))));
            }
        }

        var sets = new SummaryRequest(all, GroupBy.ByIdentity, ["*"], Total: false, Compare: false, ReputationThresholds.Default);
        answers.Add(("summary of configuration sets", Text(SummaryQueries.Local(Root, sets, sink, default))));
        return answers;
    }

    private static EngagementQuery Engagement(GroupBy grouping, bool total) =>
        new([], Range, grouping, total, EngagementQuery.DefaultProxyOpenWindow, includeProxyOpens: true);

    private static string Text<T>(IEnumerable<T> rows) => JsonSerializer.Serialize(rows.ToList(), Json);

    /// <summary>A fixture moved to <see cref="Day"/>, its own time a few seconds after its mail's.</summary>
    private static JsonNode OnDay(string line)
    {
        JsonNode record = JsonNode.Parse(line)!;
        record["mail"]!["timestamp"] = $"{Day:yyyy-MM-dd}T10:00:00.000Z";
        foreach ((string _, JsonNode? detail) in record.AsObject())
        {
            if (detail is JsonObject own && own.ContainsKey("timestamp") && !ReferenceEquals(own, record["mail"]))
            {
                own["timestamp"] = $"{Day:yyyy-MM-dd}T10:00:05.000Z";
            }
        }

        return record;
    }
}
