using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Store;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Query;

/// <summary>The questions the module answers offline, over a local store, with DuckDB.</summary>
public static class LocalStoreQueries
{
    /// <summary>One record per bounced recipient, partition by partition (day, then identity).</summary>
    public static IEnumerable<BounceRecord> Bounces(string storePath, EventQuery query, IOutputSink sink, CancellationToken cancellationToken)
    {
        // Checked before the first record is asked for: a bad pattern or store is an error even when nothing would match.
        var bounceQuery = new BounceQuery(query);
        IReadOnlyList<StorePartition> partitions = FindPartitions(storePath, query, [SesEventType.Bounce], sink);
        return Stream(partitions, bounceQuery, sink, cancellationToken);
    }

    /// <summary>Typed events of the query's types, partition by partition (day, then identity), optionally of given messages.</summary>
    public static IEnumerable<SesEvent> Events(string storePath, EventQuery query, IReadOnlyList<string> messageIds, IOutputSink sink, CancellationToken cancellationToken)
    {
        var eventsQuery = new EventsQuery(query, messageIds, sink);
        // Whole lines, which the columnar cache does not keep: read from the objects.
        IReadOnlyList<StorePartition> partitions = FindPartitions(storePath, query, query.EventTypes, sink, useCache: false);
        return Stream(partitions, eventsQuery, sink, cancellationToken);
    }

    /// <summary>One summary per identity and day, or with <paramref name="total"/> one per identity over the whole range.</summary>
    public static IEnumerable<EventSummary> Summaries(string storePath, EventQuery query, bool total, IOutputSink sink, CancellationToken cancellationToken)
    {
        IReadOnlyList<StorePartition> partitions = FindPartitions(storePath, query, query.EventTypes, sink);
        IEnumerable<PartitionCounts> counts = Stream(partitions, new EventSummaryQuery(), sink, cancellationToken);
        return total
            ? EventSummary.Totals(counts, query.Days)
            : counts.Select(EventSummary.ForDay);
    }

    private static IReadOnlyList<StorePartition> FindPartitions(string storePath, EventQuery query, IReadOnlyCollection<SesEventType> eventTypes, IOutputSink sink, bool useCache = true)
    {
        QueryRunner.OpenDatabaseEarly();
        var identities = query.Identities.Select(i => new Wildcard(i)).ToList();
        var store = new EventStore(storePath, sink);
        IReadOnlyList<StorePartition> partitions = store.FindPartitions(identities, eventTypes, query.Days, useCache);
        sink.Verbose($"{partitions.Count} partitions of '{store.Root}' hold events of {query.Days.From:yyyy-MM-dd}..{query.Days.To:yyyy-MM-dd}.");
        return partitions;
    }

    private static IEnumerable<T> Stream<T>(IReadOnlyList<StorePartition> partitions, IPartitionQuery<T> query, IOutputSink sink, CancellationToken cancellationToken)
    {
        using var runner = new QueryRunner(sink);
        foreach (T row in runner.Run(partitions, query, cancellationToken))
        {
            yield return row;
        }
    }
}
