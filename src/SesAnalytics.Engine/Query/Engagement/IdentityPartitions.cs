using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Store;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Query.Engagement;

/// <summary>
/// The store read one sender identity at a time: a distinct count over several days cannot be added up from one
/// statement per day, but it can across identities (a message belongs to one). Each identity becomes one
/// <see cref="StorePartition"/> holding the folders of every day, so <see cref="QueryRunner"/> runs one statement per
/// identity and, when an object is damaged, reads that identity again without it. Each folder's day is kept apart.
/// </summary>
internal sealed class IdentityPartitions
{
    private IdentityPartitions(IReadOnlyList<StorePartition> partitions, IReadOnlyDictionary<string, DateOnly> folderDays)
    {
        Partitions = partitions;
        FolderDays = folderDays;
    }

    public IReadOnlyList<StorePartition> Partitions { get; }

    /// <summary>The day of each folder, by its path.</summary>
    public IReadOnlyDictionary<string, DateOnly> FolderDays { get; }

    /// <param name="days">The days asked about: only identities with events of <paramref name="types"/> on them are read.</param>
    /// <param name="deliveryDays">When set, Delivery folders are read over these days instead (a wider range).</param>
    public static IdentityPartitions Find(
        string storePath,
        IReadOnlyList<string> identities,
        IReadOnlyCollection<SesEventType> types,
        DayRange days,
        DayRange? deliveryDays,
        IOutputSink sink)
    {
        QueryRunner.OpenDatabaseEarly();
        var store = new EventStore(storePath, sink);
        DayRange searched = deliveryDays ?? days;
        IReadOnlyList<StorePartition> found = store.FindPartitions(identities.Select(i => new Wildcard(i)).ToList(), types, searched);
        var folderDays = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var partitions = new List<StorePartition>();
        foreach (IGrouping<string, StorePartition> identity in found.GroupBy(p => p.Identity).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var folders = new List<StoreFolder>();
            foreach (StorePartition partition in identity)
            {
                foreach (StoreFolder folder in partition.Folders.Where(f => f.EventType == SesEventType.Delivery || days.Contains(partition.Day)))
                {
                    folders.Add(folder);
                    folderDays[folder.Path] = partition.Day;
                }
            }

            if (folders.Any(f => days.Contains(folderDays[f.Path])))
            {
                partitions.Add(new StorePartition(identity.Key, days.From, folders));
            }
        }

        sink.Verbose($"{partitions.Count} identities of '{store.Root}' hold {string.Join(", ", types)} events of {days.From:yyyy-MM-dd}..{days.To:yyyy-MM-dd}.");
        return new IdentityPartitions(partitions, folderDays);
    }
}
