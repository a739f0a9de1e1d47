using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query.Engagement;

/// <summary>The engagement questions over a local store, with DuckDB: one statement per sender identity.</summary>
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

    private static List<T> Run<T>(IReadOnlyList<StorePartition> partitions, IPartitionQuery<T> query, IOutputSink sink, CancellationToken cancellationToken)
    {
        using var runner = new QueryRunner(sink);
        return runner.Run(partitions, query, cancellationToken).ToList();
    }
}
