using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query.Engagement;

/// <summary>The engagement questions over a local store, with DuckDB: one statement per sender identity, one at a time.</summary>
public static class LocalEngagementQueries
{
    private static readonly SesEventType[] EngagementTypes = [SesEventType.Delivery, SesEventType.Open, SesEventType.Click];

    /// <summary>One summary per group and day (or per group over the range), by day and then group.</summary>
    public static IReadOnlyList<EngagementSummary> Summaries(string storePath, EngagementQuery query, IOutputSink sink, CancellationToken cancellationToken)
    {
        var found = IdentityPartitions.Find(storePath, query.Identities, EngagementTypes, query.Days, query.DeliveryDays, sink);
        return EngagementResults.Summaries(Run(found.Partitions, new DuckDbEngagementQuery(query, found.FolderDays), sink, cancellationToken), query);
    }

    /// <summary>Each group's most clicked links over the range.</summary>
    public static IReadOnlyList<LinkSummary> Links(string storePath, LinkQuery query, IOutputSink sink, CancellationToken cancellationToken)
    {
        var found = IdentityPartitions.Find(storePath, query.Identities, [SesEventType.Click], query.Days, deliveryDays: null, sink);
        return EngagementResults.Links(Run(found.Partitions, new DuckDbLinkQuery(query), sink, cancellationToken), query);
    }

    /// <summary>
    /// One identity after another: each statement holds its identity's rows for the proxy-open window and its distinct
    /// counts, and DuckDB already spreads one statement over the cores, so two statements at once only doubled the peak.
    /// </summary>
    private static List<T> Run<T>(IReadOnlyList<StorePartition> partitions, IPartitionQuery<T> query, IOutputSink sink, CancellationToken cancellationToken)
    {
        var progress = new IdentityProgress(sink, partitions.Count);
        using var runner = new QueryRunner(progress);
        var rows = new List<T>();
        foreach (StorePartition identity in partitions)
        {
            rows.AddRange(runner.Run([identity], query, cancellationToken));
            progress.Read();
        }

        progress.Complete();
        return rows;
    }
}
