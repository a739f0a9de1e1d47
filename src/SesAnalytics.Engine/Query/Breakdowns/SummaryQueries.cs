using System.Runtime.CompilerServices;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Store;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Query.Breakdowns;

/// <summary>
/// Reputation summaries as a <see cref="SummaryRequest"/> asks, from a local store (DuckDB) or with Athena, equal for the
/// same events. Grouped by identity alone, the plain per-partition counts answer without reading any event's fields.
/// </summary>
public static class SummaryQueries
{
    public static IEnumerable<EventSummary> Local(string storePath, SummaryRequest request, IOutputSink sink, CancellationToken cancellationToken)
    {
        QueryRunner.OpenDatabaseEarly();
        var identities = request.Query.Identities.Select(i => new Wildcard(i)).ToList();
        var store = new EventStore(storePath, sink);
        IReadOnlyList<StorePartition> partitions = store.FindPartitions(identities, SesEventTypes.All, request.ReadDays);
        sink.Verbose($"{partitions.Count} partitions of '{store.Root}' hold events of {request.ReadDays.From:yyyy-MM-dd}..{request.ReadDays.To:yyyy-MM-dd}.");
        return SummaryRows.Build(Count(partitions, request, sink, cancellationToken), request, wholeGroups: !request.ReadsEventFields);
    }

    public static async IAsyncEnumerable<EventSummary> CloudAsync(
        AthenaQueries queries, AthenaTarget target, SummaryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        EventQuery read = request.Query with { Days = request.ReadDays };
        var counts = new List<GroupedCounts>();
        if (request.ReadsEventFields)
        {
            await foreach (AthenaRow row in queries.RowsForIdentitiesAsync(target, read.Identities, ids => AthenaGroupedSummaryQuery.Render(request, ids, target), "the grouped event counts", cancellationToken).ConfigureAwait(false))
            {
                counts.Add(AthenaGroupedSummaryQuery.Read(row, request.GroupBy));
            }
        }
        else
        {
            IAsyncEnumerable<AthenaRow> rows = queries.RowsForIdentitiesAsync(target, read.Identities, ids => AthenaSummaryQuery.Render(read, ids, target), "the event counts", cancellationToken);
            await foreach (PartitionCounts partition in AthenaSummaryQuery.ReadAsync(rows).ConfigureAwait(false))
            {
                counts.Add(ByIdentity(partition));
            }
        }

        foreach (EventSummary summary in SummaryRows.Build(counts, request, wholeGroups: !request.ReadsEventFields))
        {
            yield return summary;
        }
    }

    private static IEnumerable<GroupedCounts> Count(IReadOnlyList<StorePartition> partitions, SummaryRequest request, IOutputSink sink, CancellationToken cancellationToken)
    {
        using var runner = new QueryRunner(sink);
        IEnumerable<GroupedCounts> counts = request.ReadsEventFields
            ? runner.Run(partitions, new GroupedSummaryQuery(request), cancellationToken)
            : runner.Run(partitions, new EventSummaryQuery(), cancellationToken).Select(ByIdentity);
        foreach (GroupedCounts row in counts)
        {
            yield return row;
        }
    }

    private static GroupedCounts ByIdentity(PartitionCounts partition) =>
        new(new GroupValues(GroupBy.ByIdentity, [partition.Identity]), partition.Day, partition.Counts);
}
