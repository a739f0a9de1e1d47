using SesAnalytics.Engine.Aws.Athena;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Objects;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Query.Engagement;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Tests.Aws.Support;
using SesAnalytics.Engine.Tests.Query.Athena;
using SesAnalytics.Engine.Tests.Support;
using SesAnalytics.Fakes.Athena;
using static SesAnalytics.Engine.Tests.Query.Engagement.EngagementEvents;

namespace SesAnalytics.Engine.Tests.Query.Engagement;

/// <summary>
/// Engagement counted by DuckDB over a store and through the Athena path (the fake answering with the rows
/// <see cref="EngagementModel"/> works out), equal to each other and to counts worked out by hand.
/// </summary>
public sealed class EngagementQueryTests : IDisposable
{
    private static readonly DateOnly Day1 = new(2024, 3, 8);
    private static readonly DateOnly Day2 = new(2024, 3, 9);
    private static readonly DayRange BothDays = new(Day1, Day2);
    private static readonly AthenaTarget Target = new("ses-analytics", "sesanalytics", "events");
    private static readonly string[] Identities = ["a.example", "b.example"];

    private readonly TestStore _store = new();
    private readonly AthenaFake _fake = new();
    private readonly AwsHttpClient _http;

    public EngagementQueryTests()
    {
        _http = new AwsHttpClient(TestClients.Options("athena", "Athena", new Uri(_fake.EndpointUrl), handler: null));
    }

    public void Dispose()
    {
        _http.Dispose();
        _fake.Dispose();
        _store.Dispose();
    }

    /// <summary>
    /// m1 to ann: delivered, opened 4 s later (a prefetch), a minute and two minutes later, and the next day; two clicks.
    /// m2 to bob and cy: opened 6 s after delivery. m3 to dan: delivered just before midnight, opened 3 s later on the
    /// next day (a prefetch across the day boundary), one click. m5: delivered the day before the range, opened on it.
    /// </summary>
    private static List<StoredEvent> Scenario()
    {
        DateTime noon = Base;
        DateTime late = Base.Date.AddHours(23).AddMinutes(59).AddSeconds(58);
        return
        [
            Delivered("a.example", "m1", noon, ["ann@x.test"], "spring"),
            Open("a.example", "m1", noon.AddSeconds(4), ["ann@x.test"], "spring"),
            Open("a.example", "m1", noon.AddMinutes(1), ["ann@x.test"], "spring"),
            Open("a.example", "m1", noon.AddMinutes(2), ["ann@x.test"], "spring"),
            Open("a.example", "m1", noon.AddDays(1), ["ann@x.test"], "spring"),
            Click("a.example", "m1", noon.AddMinutes(5), ["ann@x.test"], "https://example.com/a", "spring", "hero"),
            Click("a.example", "m1", noon.AddMinutes(6), ["ann@x.test"], "https://example.com/a", "spring", "hero"),
            Delivered("a.example", "m2", noon, ["bob@y.test", "cy@X.test"], "spring"),
            Open("a.example", "m2", noon.AddSeconds(6), ["bob@y.test", "\"Cy\" <cy@X.test>"], "spring"),
            Delivered("b.example", "m3", late, ["dan@y.test"], "autumn"),
            Open("b.example", "m3", late.AddSeconds(3), ["dan@y.test"], "autumn"),
            Click("b.example", "m3", late.AddMinutes(1), ["dan@y.test"], "https://example.com/b", "autumn"),
            Delivered("b.example", "m5", noon.AddDays(-1), ["eve@x.test"]),
            Open("b.example", "m5", noon.AddHours(1), ["eve@x.test"]),
        ];
    }

    [Fact]
    public async Task Counts_per_identity_and_day_are_equal_in_both_engines_and_by_hand()
    {
        EngagementQuery query = Query(BothDays);

        List<EngagementSummary> rows = await BothAsync(Scenario(), query);

        Assert.Equal(["2024-03-08 a.example", "2024-03-08 b.example", "2024-03-09 a.example", "2024-03-09 b.example"], rows.Select(r => $"{r.Day:yyyy-MM-dd} {r.Identity}"));
        EngagementSummary a1 = rows[0];
        Assert.Equal((3, 3, 1, 3, 2, 1), (a1.DeliveredRecipients, a1.OpenedRecipients, a1.ClickedRecipients, a1.Opens, a1.Clicks, a1.ProxyOpens));
        Assert.Equal(1.0, a1.OpenRate);
        Assert.Equal(1.0 / 3, a1.ClickRate);
        Assert.Equal(1.0 / 3, a1.ClickToOpenRate);
        EngagementSummary b1 = rows[1];
        Assert.Equal((1, 1, 1, 0), (b1.DeliveredRecipients, b1.OpenedRecipients, b1.Opens, b1.ProxyOpens));
        EngagementSummary a2 = rows[2];
        Assert.Equal((0, 1, 1), (a2.DeliveredRecipients, a2.OpenedRecipients, a2.Opens));
        Assert.Null(a2.OpenRate);
        EngagementSummary b2 = rows[3];
        Assert.Equal((0, 0, 1, 1, 1), (b2.OpenedRecipients, b2.Opens, b2.ProxyOpens, b2.ClickedRecipients, b2.Clicks));
        Assert.Null(b2.ClickToOpenRate);
    }

    [Fact]
    public async Task Total_counts_a_recipient_who_opened_on_two_days_once()
    {
        EngagementQuery query = Query(BothDays, total: true);

        List<EngagementSummary> rows = await BothAsync(Scenario(), query);

        EngagementSummary a = rows.Single(r => r.Identity == "a.example");
        Assert.Null(a.Day);
        Assert.Equal((Day1, Day2), (DateOnly.FromDateTime(a.From), DateOnly.FromDateTime(a.To)));
        Assert.Equal((3, 3, 4, 1), (a.DeliveredRecipients, a.OpenedRecipients, a.Opens, a.ProxyOpens));
    }

    [Fact]
    public async Task A_prefetch_whose_delivery_lies_on_the_day_before_the_range_is_still_a_proxy_open()
    {
        EngagementQuery query = Query(new DayRange(Day2, Day2));

        List<EngagementSummary> rows = await BothAsync(Scenario(), query);

        EngagementSummary b = rows.Single(r => r.Identity == "b.example");
        Assert.Equal((0, 0, 1), (b.DeliveredRecipients, b.Opens, b.ProxyOpens));
    }

    [Theory]
    [InlineData(4_999, true)]
    [InlineData(5_000, true)]
    [InlineData(5_001, false)]
    [InlineData(6_000, false)]
    [InlineData(-4_000, true)]
    public async Task An_open_within_the_window_of_its_delivery_is_a_proxy_open(int afterMilliseconds, bool proxy)
    {
        List<StoredEvent> events =
        [
            Delivered("a.example", "m1", Base, ["ann@x.test"]),
            Open("a.example", "m1", Base.AddMilliseconds(afterMilliseconds), ["ann@x.test"]),
        ];

        EngagementSummary row = Assert.Single(await BothAsync(events, Query(new DayRange(Day1, Day1))));
        EngagementSummary included = Assert.Single(await BothAsync(events, Query(new DayRange(Day1, Day1), includeProxyOpens: true)));

        Assert.Equal(proxy ? (0, 0, 1) : (1, 1, 0), (row.OpenedRecipients, row.Opens, row.ProxyOpens));
        Assert.Equal(proxy ? 0.0 : 1.0, row.OpenRate);
        Assert.Equal((1, 1, proxy ? 1 : 0), (included.OpenedRecipients, included.Opens, included.ProxyOpens));
    }

    [Fact]
    public async Task Groups_by_recipient_domain_and_campaign_span_identities()
    {
        EngagementQuery query = Query(BothDays, total: true, groupBy: ["RecipientDomain", "Tag:Campaign"]);

        List<EngagementSummary> rows = await BothAsync(Scenario(), query);

        Assert.Equal(["x.test / spring", "x.test / -", "y.test / autumn", "y.test / spring"], rows.Select(r => r.Group));
        EngagementSummary xSpring = rows[0];
        Assert.Equal((2, 2, 1), (xSpring.DeliveredRecipients, xSpring.OpenedRecipients, xSpring.ClickedRecipients));
        Assert.Equal(("x.test", "campaign=spring", null), (xSpring.RecipientDomain, xSpring.Tag, xSpring.Identity));
        Assert.Null(rows[1].Tag);
        Assert.Equal((1, 1), (rows[3].DeliveredRecipients, rows[3].OpenedRecipients));
    }

    [Fact]
    public async Task Top_links_are_ordered_by_clicking_recipients_with_their_tags()
    {
        List<StoredEvent> events = Scenario();
        events.Add(Click("a.example", "m2", Base.AddMinutes(3), ["bob@y.test", "cy@x.test"], "https://example.com/b", "spring"));
        var query = new LinkQuery(Identities, BothDays, GroupBy.Parse(["ConfigurationSet"]), top: 10);
        WriteStore(events);
        _fake.SetResults(
            ["_col0", "link", "link_tags", "_col3", "_col4"],
            ["varchar", "varchar", "varchar", "bigint", "bigint"],
            new List<IReadOnlyList<string?>>
            {
                new[] { "cs1", "https://example.com/b", "", "2", "3" },
                new[] { "cs1", "https://example.com/a", "kind=cta,button; section=hero", "2", "1" },
            });

        IReadOnlyList<LinkSummary> local = LocalEngagementQueries.Links(_store.Root, query, NullOutputSink.Instance, default);
        IReadOnlyList<LinkSummary> cloud = await AthenaEngagementQueries.LinksAsync(Queries(), Target, query, default);

        Assert.Equal(local, cloud);
        Assert.Equal(["https://example.com/b", "https://example.com/a"], local.Select(l => l.Link));
        Assert.Equal((3L, 2L, null), (local[0].ClickedRecipients, local[0].Clicks, local[0].LinkTags));
        Assert.Equal("kind=cta,button; section=hero", local[1].LinkTags);
        Assert.Equal("cs1", local[1].ConfigurationSet);
        Assert.Single(LocalEngagementQueries.Links(_store.Root, new LinkQuery(Identities, BothDays, query.GroupBy, top: 1), NullOutputSink.Instance, default));
    }

    [Fact]
    public void A_window_out_of_range_is_refused()
    {
        var error = Assert.Throws<SesAnalytics.Engine.Errors.InvalidInputException>(() => Query(BothDays, window: TimeSpan.FromHours(2)));

        Assert.Equal("InvalidProxyOpenWindow", error.ErrorId);
    }

    private static EngagementQuery Query(DayRange days, bool total = false, bool includeProxyOpens = false, string[]? groupBy = null, TimeSpan? window = null) =>
        new(Identities, days, GroupBy.Parse(groupBy), total, window ?? EngagementQuery.DefaultProxyOpenWindow, includeProxyOpens);

    /// <summary>The summaries of DuckDB, checked equal to the Athena path's over the model's rows and to the model itself.</summary>
    private async Task<List<EngagementSummary>> BothAsync(List<StoredEvent> events, EngagementQuery query)
    {
        WriteStore(events);
        List<IReadOnlyList<string?>> modelRows = EngagementModel.Rows(events, query).ToList();
        _fake.SetResults(EngagementModel.Columns(query), EngagementModel.Types(query), modelRows);

        List<EngagementSummary> local = LocalEngagementQueries.Summaries(_store.Root, query, NullOutputSink.Instance, default).ToList();
        List<EngagementSummary> cloud = (await AthenaEngagementQueries.SummariesAsync(Queries(), Target, query, default)).ToList();

        Assert.Equal(local, cloud);
        return local;
    }

    private void WriteStore(IEnumerable<StoredEvent> events)
    {
        if (Directory.Exists(_store.Root))
        {
            Directory.Delete(_store.Root, recursive: true);
        }

        foreach (IGrouping<(string Identity, SesEventType Type, DateOnly Day), StoredEvent> partition in events.GroupBy(e => (e.Identity, e.Type, e.Day)))
        {
            _store.Add(partition.Key.Identity, partition.Key.Type.WireName(), partition.Key.Day, partition.Select(e => e.Json.ToJsonString()).ToArray());
        }
    }

    private AthenaQueries Queries() => new(
        new AthenaQueryRunner(new AthenaClient(_http), NullOutputSink.Instance) { FirstPollDelay = TimeSpan.FromMilliseconds(5) },
        new BucketIdentities(new ListingS3(Identities), _ => Task.FromResult("events")),
        NullOutputSink.Instance);
}
