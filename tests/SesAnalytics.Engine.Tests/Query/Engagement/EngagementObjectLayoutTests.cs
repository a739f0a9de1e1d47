using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Engagement;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Tests.Query.Athena;
using SesAnalytics.Engine.Tests.Support;
using static SesAnalytics.Engine.Tests.Query.Engagement.EngagementEvents;

namespace SesAnalytics.Engine.Tests.Query.Engagement;

/// <summary>
/// Each event type of an identity is read in one scan over all its days' objects, each row's day taken from its
/// object's folder: the counts do not depend on how a day's events are spread over objects.
/// </summary>
public sealed class EngagementObjectLayoutTests : IDisposable
{
    private static readonly DayRange Days = new(DateOnly.FromDateTime(Base), DateOnly.FromDateTime(Base.AddDays(2)));
    private static readonly string[] Identities = ["a.example", "b.example"];

    private readonly TestStore _oneObjectPerFolder = new();
    private readonly TestStore _oneObjectPerEvent = new();

    public EngagementObjectLayoutTests()
    {
        List<StoredEvent> events = Events();
        foreach (IGrouping<(string Identity, SesEventType Type, DateOnly Day), StoredEvent> folder in events.GroupBy(e => (e.Identity, e.Type, e.Day)))
        {
            _oneObjectPerFolder.Add(folder.Key.Identity, folder.Key.Type.WireName(), folder.Key.Day, folder.Select(e => e.Json.ToJsonString()).ToArray());
        }

        // Latest day first, so the objects' order in a scan differs from the days' order.
        foreach (StoredEvent stored in events.OrderByDescending(e => e.Day))
        {
            _oneObjectPerEvent.Add(stored.Identity, stored.Type.WireName(), stored.Day, stored.Json.ToJsonString());
        }
    }

    public void Dispose()
    {
        _oneObjectPerFolder.Dispose();
        _oneObjectPerEvent.Dispose();
    }

    [Theory]
    [InlineData(false, new string[0])]
    [InlineData(true, new string[0])]
    [InlineData(false, new[] { "RecipientDomain" })]
    [InlineData(true, new[] { "Identity", "RecipientDomain" })]
    public void Summaries_are_the_same_however_a_day_is_split_into_objects(bool total, string[] groupBy)
    {
        var query = new EngagementQuery(Identities, Days, GroupBy.Parse(groupBy), total, EngagementQuery.DefaultProxyOpenWindow, includeProxyOpens: false);

        IReadOnlyList<EngagementSummary> folders = LocalEngagementQueries.Summaries(_oneObjectPerFolder.Root, query, NullOutputSink.Instance, default);
        IReadOnlyList<EngagementSummary> objects = LocalEngagementQueries.Summaries(_oneObjectPerEvent.Root, query, NullOutputSink.Instance, default);

        Assert.Equal(folders, objects);
        Assert.True(folders.Sum(s => s.Opens) > 0 && folders.Sum(s => s.ProxyOpens) > 0 && folders.Sum(s => s.Clicks) > 0);
        if (!total)
        {
            Assert.Equal(3, folders.Select(s => s.Day).Distinct().Count());
        }
    }

    [Fact]
    public void The_day_of_every_event_is_its_folders()
    {
        var query = new EngagementQuery(Identities, Days, GroupBy.Parse(null), total: false, EngagementQuery.DefaultProxyOpenWindow, includeProxyOpens: true);

        IReadOnlyList<EngagementSummary> rows = LocalEngagementQueries.Summaries(_oneObjectPerEvent.Root, query, NullOutputSink.Instance, default);

        // By hand from Events(): delivered recipients, opens (distinct open events) and clicks of each identity and day.
        Assert.Equal(
            ["2024-03-08 a.example 3 2 1", "2024-03-09 a.example 1 2 0", "2024-03-10 b.example 2 1 1"],
            rows.Select(r => $"{r.Day:yyyy-MM-dd} {r.Identity} {r.DeliveredRecipients} {r.Opens} {r.Clicks}"));
    }

    [Fact]
    public void Links_are_the_same_however_a_day_is_split_into_objects()
    {
        var query = new LinkQuery(Identities, Days, GroupBy.Parse(["RecipientDomain"]), top: 10);

        IReadOnlyList<LinkSummary> folders = LocalEngagementQueries.Links(_oneObjectPerFolder.Root, query, NullOutputSink.Instance, default);
        IReadOnlyList<LinkSummary> objects = LocalEngagementQueries.Links(_oneObjectPerEvent.Root, query, NullOutputSink.Instance, default);

        Assert.Equal(folders, objects);
        Assert.Equal(4, folders.Count); // two links, each clicked by recipients of two domains
    }

    [Fact]
    public void Progress_counts_identities_read_one_after_another_and_completes_once()
    {
        var query = new EngagementQuery(Identities, Days, GroupBy.Parse(null), total: true, EngagementQuery.DefaultProxyOpenWindow, includeProxyOpens: false);
        var sink = new RecordingSink();

        LocalEngagementQueries.Summaries(_oneObjectPerEvent.Root, query, sink, default);

        Assert.Equal(
            ["0 of 2 identities read 0 False", "1 of 2 identities read 50 False", "2 of 2 identities read 100 True"],
            sink.Progresses.Select(p => $"{p.Status} {p.PercentComplete} {p.Completed}"));
    }

    /// <summary>
    /// Three days, two identities: m1 delivered to ann and bob on day 1 (ann opens 2 s later, a prefetch, and again an hour
    /// later; bob clicks), m2 to cy on day 1, opened on day 2; m3 to dan on day 2, opened; m4 to eve and fay on
    /// day 3 under b.example, eve opens and clicks.
    /// </summary>
    private static List<StoredEvent> Events()
    {
        DateTime day1 = Base;
        DateTime day2 = Base.AddDays(1);
        DateTime day3 = Base.AddDays(2);
        return
        [
            Delivered("a.example", "m1", day1, ["ann@x.test", "bob@y.test"]),
            Open("a.example", "m1", day1.AddSeconds(2), ["ann@x.test", "bob@y.test"]),
            Open("a.example", "m1", day1.AddHours(1), ["ann@x.test", "bob@y.test"]),
            Click("a.example", "m1", day1.AddHours(2), ["ann@x.test", "bob@y.test"], "https://example.com/a"),
            Delivered("a.example", "m2", day1.AddMinutes(1), ["cy@x.test"]),
            Open("a.example", "m2", day2.AddMinutes(5), ["cy@x.test"]),
            Delivered("a.example", "m3", day2, ["dan@x.test"]),
            Open("a.example", "m3", day2.AddMinutes(10), ["dan@x.test"]),
            Delivered("b.example", "m4", day3, ["eve@x.test", "fay@y.test"]),
            Open("b.example", "m4", day3.AddMinutes(1), ["eve@x.test", "fay@y.test"]),
            Click("b.example", "m4", day3.AddMinutes(2), ["eve@x.test", "fay@y.test"], "https://example.com/b"),
        ];
    }
}
