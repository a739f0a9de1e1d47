using System.Runtime.CompilerServices;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Query.Delivery;

/// <summary>Delivery-time percentiles per group, from a local store (DuckDB) or the stack's table (Athena), equal for equal events.</summary>
public static class DeliveryTimes
{
    /// <summary>One summary per day and group (or per group with <paramref name="total"/>), a day's as soon as it is read.</summary>
    public static IEnumerable<DeliveryTimeSummary> FromStore(string storePath, EventQuery query, GroupBy grouping, bool total, IOutputSink sink, CancellationToken cancellationToken)
    {
        DayBatches batches = DayBatches.Find(storePath, query, DeliveryTimeQuery.EventTypes, total, sink);
        return Stream(batches, new DeliveryTimeQuery(grouping, batches, total), query.Days, sink, cancellationToken);
    }

    public static async IAsyncEnumerable<DeliveryTimeSummary> FromAthenaAsync(
        AthenaQueries queries,
        AthenaTarget target,
        EventQuery query,
        GroupBy grouping,
        bool total,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = new List<DeliveryTimeRow>();
        IAsyncEnumerable<AthenaRow> results = queries.RowsForIdentitiesAsync(
            target,
            query.Identities,
            identities => AthenaDeliveryTimeQuery.Render(query, grouping, total, identities, target),
            "the delivery times",
            cancellationToken);
        await foreach (AthenaRow row in results.ConfigureAwait(false))
        {
            rows.Add(AthenaDeliveryTimeQuery.Read(row, grouping));
        }

        foreach (DeliveryTimeSummary summary in DeliveryTimeRow.Summaries(rows, query.Days))
        {
            yield return summary;
        }
    }

    private static IEnumerable<DeliveryTimeSummary> Stream(DayBatches batches, DeliveryTimeQuery query, DayRange days, IOutputSink sink, CancellationToken cancellationToken)
    {
        using var runner = new QueryRunner(sink);
        foreach (IReadOnlyList<DeliveryTimeRow> rows in runner.Run(batches.Batches, query, cancellationToken))
        {
            foreach (DeliveryTimeSummary summary in DeliveryTimeRow.Summaries(rows, days))
            {
                yield return summary;
            }
        }
    }
}
