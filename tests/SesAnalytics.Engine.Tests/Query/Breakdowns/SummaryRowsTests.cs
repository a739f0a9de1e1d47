using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Breakdowns;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Tests.Query.Breakdowns;

public sealed class SummaryRowsTests
{
    private static readonly DateOnly Day = new(2024, 3, 8);
    private static readonly GroupBy ByDomain = new([GroupKey.RecipientDomain]);

    [Fact]
    public void PartitionsOfOneGroupAndDayFoldIntoOneRowInGroupOrder()
    {
        GroupedCounts[] counts =
        [
            Row("b.test", Day, sent: 10, bounced: 1),
            Row("a.test", Day, sent: 5, bounced: 0),
            Row("b.test", Day, sent: 30, bounced: 3),
            Row(null, Day, sent: 1, bounced: 0),
            Row("a.test", Day.AddDays(1), sent: 2, bounced: 2),
        ];

        List<EventSummary> rows = SummaryRows.Build(counts, Request(total: false, compare: false), wholeGroups: false).ToList();

        Assert.Equal(["2024-03-08 a.test", "2024-03-08 b.test", "2024-03-08 -", "2024-03-09 a.test"], rows.Select(r => $"{r.Day:yyyy-MM-dd} {r.Group}"));
        Assert.Equal((40L, 4L, 0.1), (rows[1].SentRecipients, rows[1].HardBouncedRecipients, rows[1].BounceRate!.Value));
        Assert.Equal("b.test", rows[1].RecipientDomain);
        Assert.Null(rows[1].Identity);
        Assert.Null(rows[2].RecipientDomain);
    }

    [Fact]
    public void PerDayComparesEachGroupWithItsDayBefore()
    {
        GroupedCounts[] counts =
        [
            Row("a.test", Day.AddDays(-1), sent: 100, bounced: 10),
            Row("a.test", Day, sent: 100, bounced: 4),
            Row("b.test", Day, sent: 50, bounced: 0),
            Row("b.test", Day.AddDays(2), sent: 50, bounced: 5),
        ];

        List<EventSummary> rows = SummaryRows.Build(counts, Request(total: false, compare: true, days: new DayRange(Day, Day.AddDays(2))), wholeGroups: false).ToList();

        Assert.Equal(["2024-03-08 a.test", "2024-03-08 b.test", "2024-03-10 b.test"], rows.Select(r => $"{r.Day:yyyy-MM-dd} {r.Group}"));
        EventSummary a = rows[0];
        Assert.Equal((100L, 0.1, 0.04), (a.PreviousSentRecipients, a.PreviousBounceRate, a.BounceRate));
        Assert.Equal(-0.06, a.BounceRateChange!.Value, 12);
        Assert.Equal(ReputationStatus.LowVolume, a.PreviousStatus);
        // b.test sent nothing the day before either of its days (the 9th has no row at all).
        Assert.All(rows.Skip(1), r => Assert.Equal((0L, null, null, ReputationStatus.NoSends), (r.PreviousSentRecipients, r.PreviousBounceRate, r.BounceRateChange, r.PreviousStatus)));
    }

    [Fact]
    public void WholeGroupsAreWrittenAsTheyComeWithTheSameRowsAsFolding()
    {
        GroupedCounts[] counts =
        [
            Row("a.test", Day.AddDays(-1), sent: 100, bounced: 10),
            Row("a.test", Day, sent: 100, bounced: 4),
            Row("b.test", Day, sent: 50, bounced: 0),
            Row("a.test", Day.AddDays(1), sent: 20, bounced: 1),
        ];
        SummaryRequest request = Request(total: false, compare: true);

        List<EventSummary> folded = SummaryRows.Build(counts, request, wholeGroups: false).ToList();
        List<EventSummary> streamed = SummaryRows.Build(counts, request, wholeGroups: true).ToList();

        Assert.Equal(folded, streamed);
        Assert.Equal(3, streamed.Count);
        Assert.Equal(0.1, streamed[0].PreviousBounceRate);
    }

    [Fact]
    public void WholeGroupsWriteTheFirstDayBeforeTheNextDayIsRead()
    {
        IEnumerable<GroupedCounts> Counts()
        {
            yield return Row("a.test", Day, sent: 1, bounced: 0);
            throw new InvalidOperationException("the next day was read before the first day's row was written");
        }

        EventSummary first = SummaryRows.Build(Counts(), Request(total: false, compare: false), wholeGroups: true).First();

        Assert.Equal("a.test", first.Group);
    }

    [Fact]
    public void TotalComparesWithTheRangeOfEqualLengthBefore()
    {
        var days = new DayRange(Day, Day.AddDays(1));
        var request = Request(total: true, compare: true, days: days);
        GroupedCounts[] counts =
        [
            Row("a.test", Day.AddDays(-2), sent: 100, bounced: 1),
            Row("a.test", Day.AddDays(-1), sent: 100, bounced: 1),
            Row("a.test", Day, sent: 300, bounced: 30),
            Row("a.test", Day.AddDays(1), sent: 100, bounced: 10),
        ];

        EventSummary total = Assert.Single(SummaryRows.Build(counts, request, wholeGroups: false));

        Assert.Equal(new DayRange(Day.AddDays(-2), Day.AddDays(1)), request.ReadDays);
        Assert.Null(total.Day);
        Assert.Equal((400L, 0.1, ReputationStatus.AtRisk), (total.SentRecipients, total.BounceRate, total.Status));
        Assert.Equal((200L, 0.01, ReputationStatus.LowVolume), (total.PreviousSentRecipients, total.PreviousBounceRate, total.PreviousStatus));
        Assert.Equal(0.09, total.BounceRateChange!.Value, 12);
    }

    [Fact]
    public void WithoutCompareThePreviousFieldsStayEmpty()
    {
        EventSummary row = Assert.Single(SummaryRows.Build([Row("a.test", Day, sent: 1, bounced: 0)], Request(total: true, compare: false), wholeGroups: false));

        Assert.Equal((null, null, null, null), (row.PreviousSentRecipients, row.PreviousBounceRate, row.BounceRateChange, row.PreviousStatus));
    }

    [Fact]
    public void TagsBecomeOneFlatNameValueText()
    {
        var grouping = new GroupBy([GroupKey.Identity, GroupKey.Tag("Campaign"), GroupKey.Tag("tier")]);
        var group = new GroupValues(grouping, ["a.example", "spring", null]);

        EventSummary row = EventSummary.Create(group, Day, Day, Day, EventCounts.Zero, ReputationThresholds.Default);

        Assert.Equal(("a.example", "campaign=spring", "a.example / spring / -"), (row.Identity, row.Tag, row.Group));
        Assert.Null(EventSummary.Create(new GroupValues(GroupBy.ByIdentity, ["a.example"]), Day, Day, Day, EventCounts.Zero, ReputationThresholds.Default).Tag);
    }

    private static SummaryRequest Request(bool total, bool compare, DayRange? days = null) =>
        new(EventQuery.AllEvents(days ?? new DayRange(Day, Day.AddDays(1))), ByDomain, [], total, compare, ReputationThresholds.Default);

    private static GroupedCounts Row(string? domain, DateOnly day, long sent, long bounced) => new(
        new GroupValues(ByDomain, [domain]),
        day,
        new EventCounts
        {
            Events = new Dictionary<SesEventType, long> { [SesEventType.Send] = sent, [SesEventType.Bounce] = bounced },
            SentRecipients = sent,
            HardBounces = bounced,
            HardBouncedRecipients = bounced,
        });
}
