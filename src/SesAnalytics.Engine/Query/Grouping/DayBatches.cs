using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Store;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Query.Grouping;

/// <summary>
/// Store partitions (one identity on one day each) put together into the batches one statement reads: all of a day's
/// partitions, or with <c>total</c> all of them, for questions whose answers cannot be summed over partitions (distinct
/// counts, percentiles). A batch is a <see cref="StorePartition"/> holding every folder of its partitions, so the
/// <see cref="QueryRunner"/> still reads it again without a damaged object; each folder's own partition is kept.
/// </summary>
public sealed class DayBatches
{
    private readonly Dictionary<string, StorePartition> _origins = new(StringComparer.Ordinal);

    public DayBatches(IReadOnlyList<StorePartition> partitions, bool total)
    {
        foreach (StorePartition partition in partitions)
        {
            foreach (StoreFolder folder in partition.Folders)
            {
                _origins[folder.Path] = partition;
            }
        }

        Batches = partitions
            .GroupBy(p => total ? DateOnly.MinValue : p.Day)
            .Select(day => new StorePartition(
                Label(day.Select(p => p.Identity).Distinct(StringComparer.Ordinal).Count()),
                day.First().Day,
                day.SelectMany(p => p.Folders).ToList()))
            .ToList();
    }

    public IReadOnlyList<StorePartition> Batches { get; }

    /// <summary>The batches of a store's partitions of <paramref name="eventTypes"/> that the query's identities and days select.</summary>
    public static DayBatches Find(string storePath, EventQuery query, IReadOnlyCollection<SesEventType> eventTypes, bool total, IOutputSink sink)
    {
        QueryRunner.OpenDatabaseEarly();
        var store = new EventStore(storePath, sink);
        IReadOnlyList<StorePartition> partitions = store.FindPartitions(query.Identities.Select(i => new Wildcard(i)).ToList(), eventTypes, query.Days);
        sink.Verbose($"{partitions.Count} partitions of '{store.Root}' hold events of {query.Days.From:yyyy-MM-dd}..{query.Days.To:yyyy-MM-dd}.");
        return new DayBatches(partitions, total);
    }

    /// <summary>The batch's objects of each identity, in the batch's order: each becomes one part of the statement.</summary>
    public IEnumerable<(string Identity, IReadOnlyList<StoreFolder> Folders)> PartsOf(StorePartition batch) =>
        batch.Folders
            .GroupBy(f => _origins[f.Path].Identity, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<StoreFolder>)g.ToList()));

    private static string Label(int identities) => identities == 1 ? "1 identity" : $"{identities} identities";
}
