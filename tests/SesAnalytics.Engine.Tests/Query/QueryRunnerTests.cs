using System.Diagnostics;
using System.Text;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Store;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Query;

[Collection(nameof(StopsDuckDbCollection))]
public sealed class QueryRunnerTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 3, 8);
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void AnUnreadableLaterObjectCostsOnlyItselfAndNothingComesTwice()
    {
        _store.Add("example.com", "Bounce", Day, SesRecords.Bounce("example.com", "Permanent", "first@x.test"));
        _store.Add("example.com", "Bounce", Day.AddDays(1), SesRecords.Bounce("example.com", "Permanent", "second@x.test"));
        string unreadable = _store.AddBytes("example.com", "Bounce", Day.AddDays(2), [1, 2, 3]);
        _store.Add("example.com", "Bounce", Day.AddDays(3), SesRecords.Bounce("example.com", "Permanent", "fourth@x.test"));
        var sink = new RecordingSink();

        List<BounceRecord> records = LocalStoreQueries
            .Bounces(_store.Root, EventQuery.Bounces(new DayRange(Day, Day.AddDays(3))), sink, CancellationToken.None)
            .ToList();

        Assert.Equal(["first@x.test", "second@x.test", "fourth@x.test"], records.Select(r => r.EmailAddress));
        var error = Assert.Single(sink.Errors);
        Assert.Equal("EventObjectUnreadable", error.ErrorId);
        Assert.Equal(unreadable, error.Target);
        Assert.Equal(0, sink.Progresses.First().PercentComplete);
        Assert.True(sink.Progresses.Last().Completed);
        Assert.Equal(100, sink.Progresses.Last().PercentComplete);
    }

    [Fact]
    public void CancellingBetweenPartitionsStops()
    {
        _store.Add("example.com", "Bounce", Day, SesRecords.Bounce("example.com", "Permanent", "first@x.test"));
        _store.Add("example.com", "Bounce", Day.AddDays(1), SesRecords.Bounce("example.com", "Permanent", "second@x.test"));
        using var cancellation = new CancellationTokenSource();

        using IEnumerator<BounceRecord> records = LocalStoreQueries
            .Bounces(_store.Root, EventQuery.Bounces(new DayRange(Day, Day.AddDays(1))), NullOutputSink(), cancellation.Token)
            .GetEnumerator();
        Assert.True(records.MoveNext());
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => records.MoveNext());
    }

    [Fact]
    public void CancellingARunningQueryInterruptsDuckDb()
    {
        _store.AddBytes("example.com", "Bounce", Day, TestStore.ManyBounces(1_000_000));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
        var watch = Stopwatch.StartNew();

        Assert.Throws<OperationCanceledException>(() =>
            LocalStoreQueries.Bounces(_store.Root, EventQuery.Bounces(new DayRange(Day, Day)), NullOutputSink(), cancellation.Token).ToList());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"Stopping took {watch.Elapsed}.");

       
    }

    [Fact]
    public void AMalformedLineIsSkippedWithAWarningNamingItsObject()
    {
        _store.Add("example.com", "Bounce", Day, SesRecords.Bounce("example.com", "Permanent", "a@x.test"), SesRecords.Bounce("example.com", "Permanent", "b@x.test"));
        string damaged = _store.Add(
            "example.com",
            "Bounce",
            Day,
            SesRecords.Bounce("example.com", "Permanent", "c@x.test"),
            "{\"eventType\":\"Bounce\",\"bounce\":{ this is not json",
            SesRecords.Bounce("example.com", "Permanent", "d@x.test"));
        string garbage = _store.AddBytes("example.com", "Bounce", Day, Encoding.UTF8.GetBytes("not gzip at all"));
        var sink = new RecordingSink();

        List<BounceRecord> records = LocalStoreQueries.Bounces(_store.Root, EventQuery.Bounces(new DayRange(Day, Day)), sink, CancellationToken.None).ToList();

        Assert.Equal(["a@x.test", "b@x.test", "c@x.test", "d@x.test"], records.Select(r => r.EmailAddress).Order());
        Assert.Contains(damaged, Assert.Single(sink.Warnings), StringComparison.Ordinal);
        var error = Assert.Single(sink.Errors);
        Assert.Equal("EventObjectUnreadable", error.ErrorId);
        Assert.Equal(garbage, error.Target);
    }

    [Theory]
    [InlineData(42, true, new[] { 1, 1, 32, 8 })]
    [InlineData(3, true, new[] { 1, 1, 1 })]
    [InlineData(35, true, new[] { 1, 1, 32, 1 })]
    [InlineData(3, false, new[] { 1, 1, 1 })]
    public void OnePartitionComesFirstThenOneMoreThenLargeBatches(int count, bool batchable, int[] sizes)
    {
        StorePartition[] partitions = [.. Enumerable.Range(0, count).Select(i => new StorePartition("example.com", Day.AddDays(i), []))];

        IReadOnlyList<ArraySegment<StorePartition>> batches = QueryRunner.Batches(partitions, batchable);

        Assert.Equal(sizes, batches.Select(b => b.Count));
        Assert.Equal(partitions, batches.SelectMany(b => b));
    }

    private static RecordingSink NullOutputSink() => new();
}
