using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Query;

public sealed class EventSummaryTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 3, 8);
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void CountsEveryTypeAndRatesRecipients()
    {
        // 50 sends to 2 recipients = 100 sent recipients; 6 permanently bounced recipients (one event has 2) = 6%.
        _store.Add("a.example", "Send", Day, Enumerable.Range(0, 50).Select(i => SesRecords.Send("a.example", $"x{i}@y.test", $"z{i}@y.test")).ToArray());
        _store.Add(
            "a.example",
            "Bounce",
            Day,
            SesRecords.Bounce("a.example", "Permanent", "b1@y.test", "b2@y.test"),
            SesRecords.Bounce("a.example", "Permanent", "b3@y.test"),
            SesRecords.Bounce("a.example", "Permanent", "b4@y.test"),
            SesRecords.Bounce("a.example", "Permanent", "b5@y.test"),
            SesRecords.Bounce("a.example", "Permanent", "b6@y.test"),
            SesRecords.Bounce("a.example", "Transient", "t1@y.test"),
            SesRecords.Bounce("a.example", "Undetermined", "u1@y.test"));
        foreach (string type in new[] { "Delivery", "Reject", "Open", "Click", "Rendering Failure", "DeliveryDelay", "Subscription" })
        {
            _store.Add("a.example", type, Day, SesRecords.Other(type, "a.example"), SesRecords.Other(type, "a.example"));
        }

        EventSummary summary = Assert.Single(Summaries(EventQuery.AllEvents(new DayRange(Day, Day))));

        Assert.Equal(("a.example", (DateTime?)Utc(Day)), (summary.Identity, summary.Day));
        Assert.Equal((50L, 100L), (summary.Sends, summary.SentRecipients));
        Assert.Equal((7L, 5L, 2L, 6L), (summary.Bounces, summary.HardBounces, summary.SoftBounces, summary.HardBouncedRecipients));
        Assert.Equal(
            [2L, 2L, 2L, 2L, 2L, 2L, 2L],
            [summary.Deliveries, summary.Rejects, summary.Opens, summary.Clicks, summary.RenderingFailures, summary.DeliveryDelays, summary.Subscriptions]);
        Assert.Equal(0.06, summary.BounceRate!.Value, 10);
        Assert.Equal(0.0, summary.ComplaintRate!.Value, 10);
        Assert.Equal(ReputationStatus.LowVolume, summary.Status);
    }

    [Theory]
    [InlineData(100, 0, 0, ReputationStatus.Healthy)]
    [InlineData(100, 5, 0, ReputationStatus.Warning)]
    [InlineData(100, 10, 0, ReputationStatus.AtRisk)]
    [InlineData(1000, 0, 1, ReputationStatus.Warning)]
    [InlineData(1000, 0, 5, ReputationStatus.AtRisk)]
    [InlineData(1000, 4, 0, ReputationStatus.Healthy)]
    public void StatusFollowsSesThresholds(int sent, int bounced, int complained, ReputationStatus expected)
    {
        var counts = new EventCounts { SentRecipients = sent, HardBouncedRecipients = bounced, ComplainedRecipients = complained };
        var group = new SesAnalytics.Engine.Query.Grouping.GroupValues(SesAnalytics.Engine.Query.Grouping.GroupBy.ByIdentity, ["a.example"]);

        Assert.Equal(expected, EventSummary.Create(group, Day, Day, Day, counts, new ReputationThresholds(0, 0)).Status);
    }

    [Fact]
    public void WithoutSendsTheRatesAreNull()
    {
        _store.Add("a.example", "Open", Day, SesRecords.Other("Open", "a.example"));

        EventSummary summary = Assert.Single(Summaries(EventQuery.AllEvents(new DayRange(Day, Day))));

        Assert.Equal(1, summary.Opens);
        Assert.Null(summary.BounceRate);
        Assert.Null(summary.ComplaintRate);
        Assert.Equal(ReputationStatus.NoSends, summary.Status);
    }

    [Fact]
    public void ComplaintsCountComplainedRecipients()
    {
        _store.Add("a.example", "Send", Day, Enumerable.Range(0, 1000).Select(i => SesRecords.Send("a.example", $"x{i}@y.test")).ToArray());
        _store.Add("a.example", "Complaint", Day, SesRecords.Complaint("a.example", "c1@y.test", "c2@y.test"), SesRecords.Complaint("a.example", "c3@y.test"), SesRecords.Complaint("a.example", "c4@y.test"), SesRecords.Complaint("a.example", "c5@y.test"));

        EventSummary summary = Assert.Single(Summaries(EventQuery.AllEvents(new DayRange(Day, Day))));

        Assert.Equal((4L, 5L), (summary.Complaints, summary.ComplainedRecipients));
        Assert.Equal(0.005, summary.ComplaintRate!.Value, 10);
        Assert.Equal(ReputationStatus.AtRisk, summary.Status);
    }

    [Fact]
    public void TotalAddsTheDaysOfEachIdentity()
    {
        _store.Add("a.example", "Send", Day, SesRecords.Send("a.example", "x@y.test"), SesRecords.Send("a.example", "x@y.test"));
        _store.Add("a.example", "Send", Day.AddDays(1), SesRecords.Send("a.example", "x@y.test"), SesRecords.Send("a.example", "x@y.test"));
        _store.Add("a.example", "Bounce", Day.AddDays(1), SesRecords.Bounce("a.example", "Permanent", "x@y.test"));
        _store.Add("b.example", "Send", Day, SesRecords.Send("b.example", "x@y.test"));
        var days = new DayRange(Day, Day.AddDays(1));

        List<EventSummary> perDay = Summaries(EventQuery.AllEvents(days));
        List<EventSummary> totals = LocalStoreQueries.Summaries(_store.Root, EventQuery.AllEvents(days), total: true, NullOutputSink.Instance, CancellationToken.None).ToList();

        Assert.Equal(["2024-03-08 a.example", "2024-03-08 b.example", "2024-03-09 a.example"], perDay.Select(s => $"{s.Day:yyyy-MM-dd} {s.Identity}"));
        Assert.Equal(["a.example", "b.example"], totals.Select(t => t.Identity));
        Assert.Null(totals[0].Day);
        Assert.Equal((Utc(Day), Utc(Day.AddDays(1))), (totals[0].From, totals[0].To));
        Assert.Equal((4L, 1L), (totals[0].Sends, totals[0].Bounces));
        Assert.Equal(0.25, totals[0].BounceRate!.Value, 10);
        Assert.Equal(ReputationStatus.LowVolume, totals[0].Status);
    }

    [Fact]
    public void AMalformedLineIsLeftOutOfTheCountsWithAWarning()
    {
        string damaged = _store.Add("a.example", "Send", Day, SesRecords.Send("a.example", "x@y.test"), "{\"eventType\": \"Send\", oops", SesRecords.Send("a.example", "x@y.test"));
        string damagedOpens = _store.Add("a.example", "Open", Day, SesRecords.Other("Open", "a.example"), "not json at all");
        var sink = new RecordingSink();

        EventSummary summary = Assert.Single(LocalStoreQueries.Summaries(_store.Root, EventQuery.AllEvents(new DayRange(Day, Day)), total: false, sink, CancellationToken.None));

        Assert.Equal((2L, 2L, 1L), (summary.Sends, summary.SentRecipients, summary.Opens));
        Assert.Equal(2, sink.Warnings.Count);
        Assert.Contains(sink.Warnings, w => w.Contains(damaged, StringComparison.Ordinal));
        Assert.Contains(sink.Warnings, w => w.Contains(damagedOpens, StringComparison.Ordinal));
    }

    [SkippableFact]
    public void TheFixturesCountOneOfEachType()
    {
        Skip.IfNot(SesRecords.FixturesExist, "The shared SES fixtures (../shared/fixtures/ses-events) are not here.");
        foreach ((string file, string type) in new[] { ("Send", "Send"), ("Delivery", "Delivery"), ("Bounce", "Bounce"), ("Complaint", "Complaint"), ("Reject", "Reject"), ("Open", "Open"), ("Click", "Click"), ("RenderingFailure", "Rendering Failure"), ("DeliveryDelay", "DeliveryDelay"), ("Subscription", "Subscription") })
        {
            _store.Add("example.com", type, Day, SesRecords.Fixture(file, identity: null));
        }

        EventSummary summary = Assert.Single(Summaries(EventQuery.AllEvents(new DayRange(Day, Day))));

        Assert.Equal(
            [1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L],
            [summary.Sends, summary.Deliveries, summary.Bounces, summary.Complaints, summary.Rejects, summary.Opens, summary.Clicks, summary.RenderingFailures, summary.DeliveryDelays, summary.Subscriptions]);
        Assert.Equal((1L, 1L, 1L), (summary.SentRecipients, summary.HardBouncedRecipients, summary.ComplainedRecipients));
        Assert.Equal(ReputationStatus.LowVolume, summary.Status);
    }

    private List<EventSummary> Summaries(EventQuery query) =>
        LocalStoreQueries.Summaries(_store.Root, query, total: false, NullOutputSink.Instance, CancellationToken.None).ToList();

    private static DateTime Utc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
