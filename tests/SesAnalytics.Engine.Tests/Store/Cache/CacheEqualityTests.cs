using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Store.Cache;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Store.Cache;

/// <summary>
/// Every local question answers the same from a store's columnar cache as from its objects: fully cached, partly
/// cached (batches mixing both), and with caches that are stale or damaged, which are bypassed. Each time it is also
/// checked which folders were read from the cache, so equal answers are not equal by never using it.
/// </summary>
public sealed class CacheEqualityTests : IDisposable
{
    private readonly CachedStore _store = new();

    public void Dispose() => _store.Dispose();

    [SkippableFact]
    public void EveryQuestionAnswersTheSameFromTheCache()
    {
        Skip.IfNot(SesRecords.FixturesExist, "../shared/fixtures is absent");
        var before = _store.Answers(new RecordingSink());

        IReadOnlyList<EventCacheEntry> built = _store.BuildCache();
        var sink = new RecordingSink();
        var after = _store.Answers(sink);

        Assert.Equal(10, built.Where(e => e.Identity == "fixtures.example").Select(e => e.EventType).Distinct().Count());
        Assert.All(_store.Entries(verify: true), e => Assert.Equal(CacheState.Fresh, e.State));
        Assert.Contains(sink.Verboses, v => v.StartsWith("Reading all ", StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Verboses, v => v.Contains("from their objects", StringComparison.Ordinal));
        AssertSame(before, after);
        Assert.Empty(sink.Errors);
        Assert.Empty(sink.Warnings);
    }

    [SkippableFact]
    public void BatchesMixingCachedAndUncachedFoldersAnswerTheSame()
    {
        Skip.IfNot(SesRecords.FixturesExist, "../shared/fixtures is absent");
        var before = _store.Answers(new RecordingSink());
        _store.BuildCache();
        var caches = new EventCaches(_store.Root, new RecordingSink());
        foreach (EventCacheEntry entry in _store.Entries().Where((_, i) => i % 2 == 0))
        {
            Assert.True(caches.Remove(entry));
        }

        var sink = new RecordingSink();
        var after = _store.Answers(sink);

        Assert.Contains(_store.Entries(), e => e.State == CacheState.Missing);
        Assert.Contains(_store.Entries(), e => e.State == CacheState.Fresh);
        Assert.Contains(sink.Verboses, v => v.Contains("folders from the columnar cache; the others from their objects", StringComparison.Ordinal));
        AssertSame(before, after);
    }

    [SkippableFact]
    public void AStaleCacheIsBypassed()
    {
        Skip.IfNot(SesRecords.FixturesExist, "../shared/fixtures is absent");
        _store.BuildCache();
        string added = _store.Store.Add("fixtures.example", "Bounce", CachedStore.Day, SesRecords.Bounce("fixtures.example", "Permanent", "late@example.test"));
        string rewritten = Directory.GetFiles(_store.Store.FolderOf("fixtures.example", "Send", CachedStore.Day))[0];
        File.WriteAllBytes(rewritten, TestStore.Gzip(SesRecords.Send("fixtures.example", "a@x.test", "b@x.test", "c@x.test") + "\n"));
        File.SetLastWriteTimeUtc(rewritten, DateTime.UtcNow.AddMinutes(1));

        var sink = new RecordingSink();
        var cached = _store.Answers(sink);

        Assert.True(File.Exists(added));
        Assert.Equal(2, _store.Entries().Count(e => e.State == CacheState.Stale));
        Assert.Contains(sink.Verboses, v => v.Contains("is stale (the folder's objects changed since it was built)", StringComparison.Ordinal));
        AssertSame(_store.AnswersWithoutCache(), cached);
    }

    [SkippableFact]
    public void DamagedCachesAreBypassed()
    {
        Skip.IfNot(SesRecords.FixturesExist, "../shared/fixtures is absent");
        _store.BuildCache();
        var entries = _store.Entries().Where(e => e.Identity == "fixtures.example").ToDictionary(e => e.EventType);
        string Data(SesEventType type) => Path.Combine(entries[type].Path, EventCache.DataFileName);

        // Truncated, the same size of garbage (caught only when read), a manifest that is not JSON, a manifest edited.
        byte[] bounce = File.ReadAllBytes(Data(SesEventType.Bounce));
        File.WriteAllBytes(Data(SesEventType.Bounce), bounce[..(bounce.Length / 2)]);
        File.WriteAllBytes(Data(SesEventType.Send), new byte[new FileInfo(Data(SesEventType.Send)).Length]);
        File.WriteAllText(Path.Combine(entries[SesEventType.Delivery].Path, EventCache.ManifestFileName), "{ not json");
        string clickManifest = Path.Combine(entries[SesEventType.Click].Path, EventCache.ManifestFileName);
        File.WriteAllText(clickManifest, File.ReadAllText(clickManifest).Replace("\"cacheBytes\": ", "\"cacheBytes\": 1", StringComparison.Ordinal));

        var sink = new RecordingSink();
        var cached = _store.Answers(sink);

        var states = _store.Entries().Where(e => e.Identity == "fixtures.example").ToDictionary(e => e.EventType, e => e.State);
        Assert.Equal(CacheState.Damaged, states[SesEventType.Bounce]);
        Assert.Equal(CacheState.Damaged, states[SesEventType.Delivery]);
        Assert.Equal(CacheState.Damaged, states[SesEventType.Click]);
        Assert.Equal(CacheState.Fresh, states[SesEventType.Send]);
        Assert.Equal(CacheState.Damaged, _store.Entries(verify: true).Single(e => e.Identity == "fixtures.example" && e.EventType == SesEventType.Send).State);
        Assert.Contains(sink.Verboses, v => v.StartsWith("Reading the columnar cache of", StringComparison.Ordinal));
        Assert.Empty(sink.Errors);
        AssertSame(_store.AnswersWithoutCache(), cached);
    }

    private static void AssertSame(IReadOnlyList<(string Question, string Answer)> expected, IReadOnlyList<(string Question, string Answer)> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Question, actual[i].Question);
            Assert.True(expected[i].Answer == actual[i].Answer, $"{expected[i].Question}: expected\n{expected[i].Answer}\nbut the cache gave\n{actual[i].Answer}");
            Assert.True(expected[i].Answer.Length > 10, $"{expected[i].Question} has no answer to compare");
        }
    }
}
