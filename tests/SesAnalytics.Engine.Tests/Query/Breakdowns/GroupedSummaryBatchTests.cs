using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Breakdowns;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Query.Breakdowns;

/// <summary>
/// The grouped counts read several partitions per statement (the runner's growing batches): each partition's groups
/// still come out whole and alone, equal to what one statement per partition gives.
/// </summary>
public sealed class GroupedSummaryBatchTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 3, 8);
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("RecipientDomain")]
    [InlineData("Identity,RecipientDomain")]
    public void BatchesOfPartitionsCountLikeOnePartitionAtATime(string groupBy)
    {
        // Seven identities on two days: batches of 1, 1 and the other 12, with a bounce in some of them.
        for (int i = 0; i < 7; i++)
        {
            string identity = $"id{i}.example";
            foreach (DateOnly day in new[] { Day, Day.AddDays(1) })
            {
                _store.Add(identity, "Send", day, [.. Enumerable.Range(0, i + 1).Select(n => SesRecords.Send(identity, $"u{n}@a.test", $"v{n}@b.test"))]);
                if (i % 2 == 0)
                {
                    _store.Add(identity, "Bounce", day, SesRecords.Bounce(identity, "Permanent", "u0@a.test"));
                }
            }
        }

        var request = new SummaryRequest(
            EventQuery.AllEvents(new DayRange(Day, Day.AddDays(1))),
            GroupBy.Parse(groupBy.Split(',')),
            [],
            Total: false,
            Compare: false,
            ReputationThresholds.Default);

        List<EventSummary> rows = SummaryQueries.Local(_store.Root, request, NullOutputSink.Instance, default).ToList();

        if (request.GroupBy.Has(GroupDimension.Identity))
        {
            Assert.Equal(28, rows.Count);
            EventSummary id6 = Assert.Single(rows, r => r.Identity == "id6.example" && r.RecipientDomain == "a.test" && r.Day!.Value.Day == 9);
            Assert.Equal((7L, 7L, 1L), (id6.Sends, id6.SentRecipients, id6.HardBouncedRecipients));
        }
        else
        {
            // Per day: 1 + 2 + ... + 7 = 28 sends, each to one a.test and one b.test recipient; four identities bounced one a.test recipient.
            Assert.Equal(["2024-03-08 a.test", "2024-03-08 b.test", "2024-03-09 a.test", "2024-03-09 b.test"], rows.Select(r => $"{r.Day:yyyy-MM-dd} {r.Group}"));
            Assert.All(rows, r => Assert.Equal(28L, r.SentRecipients));
            Assert.Equal([4L, 0L, 4L, 0L], rows.Select(r => r.HardBouncedRecipients));
        }
    }
}
