using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Store.Cache;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Store.Cache;

/// <summary>Building, checking and dropping the caches of a small store's folders.</summary>
public sealed class EventCachesTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 3, 8);
    private readonly TestStore _store = new();

    public EventCachesTests()
    {
        _store.Add("a.example", "Send", Day, SesRecords.Send("a.example", "x@a.test"), SesRecords.Send("a.example", "y@a.test", "z@b.test"));
        _store.Add("a.example", "Bounce", Day, SesRecords.Bounce("a.example", "Permanent", "x@a.test"));
        _store.Add("b.example", "Send", Day.AddDays(1), SesRecords.Send("b.example", "q@a.test"));
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void EntriesSayWhatEachFolderHolds()
    {
        var sink = new RecordingSink();
        List<EventCacheEntry> built = Update(sink, force: false);

        Assert.Equal(3, built.Count);
        EventCacheEntry send = Find().Single(e => e.Identity == "a.example" && e.EventType == SesEventType.Send);
        Assert.Equal((CacheState.Fresh, 2L, 1, DateTimeKind.Utc), (send.State, send.Events, send.Objects, send.Day.Kind));
        Assert.True(send.CacheBytes > 0);
        Assert.Equal(Path.Combine(_store.Root, ".sesanalytics", "cache", "a.example", "Send", "2024", "03", "08"), send.Path);
        Assert.True(File.Exists(Path.Combine(send.Path, EventCache.ManifestFileName)));
        Assert.Equal(Path.GetFullPath(_store.Root), send.StorePath);
        Assert.Contains(sink.Progresses, p => p.Completed);

        Assert.Empty(Update(sink, force: false));
        Assert.Equal(3, Update(sink, force: true).Count);
    }

    [Fact]
    public void FiltersSelectFolders()
    {
        var caches = new EventCaches(_store.Root, NullOutputSink.Instance);

        Assert.Equal(2, caches.Find([new("a.*")], SesEventTypes.All, DayRange.Bounded(null, null), verify: false).Count());
        Assert.Single(caches.Find([], [SesEventType.Bounce], DayRange.Bounded(null, null), verify: false));
        Assert.Single(caches.Find([], SesEventTypes.All, new DayRange(Day.AddDays(1), Day.AddDays(1)), verify: false));
        Assert.All(caches.Find([], SesEventTypes.All, DayRange.Bounded(null, null), verify: true), e => Assert.Equal((CacheState.Missing, (long?)null, 0L), (e.State, e.Events, e.CacheBytes)));
    }

    [Fact]
    public void AFolderWithABadLineStaysUncachedAndSaysWhy()
    {
        _store.AddBytes("a.example", "Bounce", Day, TestStore.Gzip("{\"eventType\": \"Bounce\", \"mail\": \n"));
        var sink = new RecordingSink();

        List<EventCacheEntry> built = Update(sink, force: false);

        Assert.Equal(2, built.Count);
        var error = Assert.Single(sink.Errors);
        Assert.Equal("EventCacheUnbuildable", error.ErrorId);
        Assert.Contains("Bounce", error.Message, StringComparison.Ordinal);
        EventCacheEntry bounce = Find().Single(e => e.EventType == SesEventType.Bounce);
        Assert.Equal(CacheState.Unbuildable, bounce.State);

        // Asked again, it says so again without reading; queries still read the objects and warn.
        var again = new RecordingSink();
        Assert.Empty(Update(again, force: false));
        Assert.Single(again.Errors);
        var query = new RecordingSink();
        Assert.Single(LocalStoreQueries.Bounces(_store.Root, EventQuery.Bounces(new DayRange(Day, Day)), query, default));
        Assert.Single(query.Warnings);
    }

    [Fact]
    public async Task AStoppedBuildLeavesNoCache()
    {
        var caches = new EventCaches(_store.Root, NullOutputSink.Instance);
        List<EventCacheEntry> entries = caches.Find([], SesEventTypes.All, DayRange.Bounded(null, null), verify: false).ToList();
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => caches.UpdateAsync(entries, false, _ => Task.FromResult(true), _ => { }, false, stop.Token));

        Assert.All(Find(), e => Assert.Equal(CacheState.Missing, e.State));
    }

    [Fact]
    public async Task AStopPartWayLeavesEachCacheWholeOrMissing()
    {
        string[] lines = Enumerable.Range(0, 4000).Select(i => SesRecords.Send("c.example", $"r{i}@c.test", $"s{i}@c.test")).ToArray();
        for (int i = 0; i < 12; i++)
        {
            _store.Add("c.example", "Send", Day.AddDays(-i), lines);
        }

        var caches = new EventCaches(_store.Root, NullOutputSink.Instance);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
        try
        {
            await caches.UpdateAsync(caches.Find([], SesEventTypes.All, DayRange.Bounded(null, null), false).ToList(), false, _ => Task.FromResult(true), _ => { }, false, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopped part-way, as intended; or the machine was fast enough to finish first.
        }

        Assert.All(caches.Find([], SesEventTypes.All, DayRange.Bounded(null, null), verify: true), e => Assert.Contains(e.State, (CacheState[])[CacheState.Fresh, CacheState.Missing]));
        string root = EventCache.Root(_store.Root);
        Assert.Empty(Directory.Exists(root) ? Directory.EnumerateFiles(root, "*.tmp", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task DeclinedFoldersAreNotBuilt()
    {
        var caches = new EventCaches(_store.Root, NullOutputSink.Instance);
        var built = new List<EventCacheEntry>();

        await caches.UpdateAsync(caches.Find([], SesEventTypes.All, DayRange.Bounded(null, null), false).ToList(), false, _ => Task.FromResult(false), built.Add, false, default);

        Assert.Empty(built);
        Assert.False(Directory.Exists(EventCache.Root(_store.Root)));
    }

    [Fact]
    public void RemovingDropsTheCacheAndItsEmptyFolders()
    {
        Update(new RecordingSink(), force: false);
        var caches = new EventCaches(_store.Root, NullOutputSink.Instance);

        foreach (EventCacheEntry entry in Find().Where(e => e.Identity == "a.example"))
        {
            Assert.True(caches.Remove(entry));
        }

        Assert.False(Directory.Exists(Path.Combine(EventCache.Root(_store.Root), "a.example")));
        Assert.True(Directory.Exists(Path.Combine(EventCache.Root(_store.Root), "b.example")));
        Assert.False(caches.Remove(Find().First(e => e.Identity == "a.example")));
    }

    [Fact]
    public void FoldersAreFoundByPathForImportsAndCopies()
    {
        var caches = new EventCaches(_store.Root, NullOutputSink.Instance);

        IReadOnlyList<EventCacheEntry> entries = caches.FoldersAt([
            _store.FolderOf("a.example", "Bounce", Day),
            Path.Combine("partitioned", "b.example", "Send", "2024", "03", "09"),
            Path.Combine(_store.Root, "errors"),
            _store.FolderOf("c.example", "Send", Day),
        ]);

        Assert.Equal(["a.example Bounce", "b.example Send"], entries.Select(e => $"{e.Identity} {e.EventType}"));
    }

    private List<EventCacheEntry> Find() => new EventCaches(_store.Root, NullOutputSink.Instance).Find([], SesEventTypes.All, DayRange.Bounded(null, null), verify: false).ToList();

    private List<EventCacheEntry> Update(RecordingSink sink, bool force)
    {
        var caches = new EventCaches(_store.Root, sink);
        var built = new List<EventCacheEntry>();
        caches.UpdateAsync(caches.Find([], SesEventTypes.All, DayRange.Bounded(null, null), false).ToList(), force, _ => Task.FromResult(true), built.Add, false, default).GetAwaiter().GetResult();
        return built;
    }
}
