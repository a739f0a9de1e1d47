using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Tests.Partitioning;

/// <summary>
/// The folder of every identity, event type and day, whatever string instances ask for it, however many there are and
/// from however many threads: always the folder <see cref="FirehoseLayout.DayFolder"/> gives.
/// </summary>
public sealed class FolderCacheTests
{
    private static readonly DateOnly Day = new(2026, 11, 1);

    [Fact]
    public void EqualKeysGiveTheSameEntryWhateverTheirInstances()
    {
        var cache = new FolderCache();
        string identity = "example.com";
        string copy = new(identity.AsSpan());

        FolderCache.Entry first = cache.Get(new PartitionKeys(identity, "Bounce"), Day);
        FolderCache.Entry again = cache.Get(new PartitionKeys(identity, "Bounce"), Day);
        FolderCache.Entry fromCopy = cache.Get(new PartitionKeys(copy, new string("Bounce".AsSpan())), Day);

        Assert.Equal(FirehoseLayout.DayFolder(identity, "Bounce", Day), first.Folder);
        Assert.Same(first, again);
        Assert.Same(first, fromCopy);
        Assert.Null(first.TooLongKey);
    }

    [Fact]
    public void KeysThatDifferOnlyWhereTheSlotDoesNotLookGiveTheirOwnFolders()
    {
        var cache = new FolderCache();
        string[] identities = ["a.example.com", "b.example.com", "aa.example.com", "a.example.con", "", "x"];
        string[] types = ["Send", "Sent", "Open", "Opem", "Rendering Failure", ""];
        DateOnly[] days = [Day, Day.AddDays(1), Day.AddDays(-1), Day.AddYears(1)];

        for (int round = 0; round < 3; round++)
        {
            foreach (string identity in identities)
            {
                foreach (string type in types)
                {
                    foreach (DateOnly day in days)
                    {
                        FolderCache.Entry entry = cache.Get(new PartitionKeys(identity, type), day);
                        Assert.Equal(FirehoseLayout.DayFolder(identity, type, day), entry.Folder);
                    }
                }
            }
        }
    }

    /// <summary>More combinations than each thread's table holds and than the shared cache keeps, from several threads at once.</summary>
    [Fact]
    public void ManyCombinationsFromManyThreadsGiveTheRightFolders()
    {
        var cache = new FolderCache();
        string[] identities = [.. Enumerable.Range(0, 700).Select(i => $"identity{i}.example")];
        string[] types = ["Send", "Delivery", "Bounce", "Open", "Click"];
        var keys = (from identity in identities from type in types from offset in Enumerable.Range(0, 4) select (identity, type, Day.AddDays(offset))).ToArray();

        Parallel.For(0, 8, worker =>
        {
            var random = new Random(worker);
            for (int i = 0; i < 40_000; i++)
            {
                (string identity, string type, DateOnly day) = keys[random.Next(keys.Length)];
                FolderCache.Entry entry = cache.Get(new PartitionKeys(identity, type), day);
                Assert.Equal(FirehoseLayout.DayFolder(identity, type, day), entry.Folder);
            }
        });
    }

    [Fact]
    public void EachCacheHasEntriesOfItsOwnOnTheSameThread()
    {
        var first = new FolderCache();
        var second = new FolderCache();
        var keys = new PartitionKeys("example.com", "Send");

        FolderCache.Entry counted = first.Get(keys, Day);
        counted.Counted = true;
        FolderCache.Entry other = second.Get(keys, Day);

        Assert.NotSame(counted, other);
        Assert.False(other.Counted);
        Assert.Same(counted, first.Get(keys, Day));
        Assert.True(first.Get(keys, Day).Counted);
    }

    [Fact]
    public void KeysTooLongForAFolderNameAreNamed()
    {
        var cache = new FolderCache();

        FolderCache.Entry identity = cache.Get(new PartitionKeys(new string('a', 256), "Send"), Day);
        FolderCache.Entry eventType = cache.Get(new PartitionKeys("example.com", new string('/', 100)), Day);

        Assert.Equal((null, FirehoseLayout.SenderIdentityKey), (identity.Folder, identity.TooLongKey));
        Assert.Equal((null, FirehoseLayout.EventTypeKey), (eventType.Folder, eventType.TooLongKey));
    }
}
