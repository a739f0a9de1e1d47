using System.Runtime.CompilerServices;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Query.Failures;

/// <summary>Bounces, delays, rejects and rendering failures per group and reason, from a local store (DuckDB) or the stack's table (Athena).</summary>
public static class FailureSummaries
{
    /// <summary>The summaries of each day (or of the range with <paramref name="total"/>), a day's as soon as it is read.</summary>
    public static IEnumerable<FailureSummary> FromStore(
        string storePath, EventQuery query, GroupBy grouping, IReadOnlyList<FailureKind> kinds, bool total, IOutputSink sink, CancellationToken cancellationToken)
    {
        DayBatches batches = DayBatches.Find(storePath, query, FailureQuery.EventTypes(kinds), total, sink);
        return Stream(batches, new FailureQuery(grouping, batches, total), query.Days, sink, cancellationToken);
    }

    public static async IAsyncEnumerable<FailureSummary> FromAthenaAsync(
        AthenaQueries queries,
        AthenaTarget target,
        EventQuery query,
        GroupBy grouping,
        IReadOnlyList<FailureKind> kinds,
        bool total,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = new List<FailureRow>();
        IAsyncEnumerable<AthenaRow> results = queries.RowsForIdentitiesAsync(
            target,
            query.Identities,
            identities => AthenaFailureQuery.Render(query, grouping, kinds, total, identities, target),
            "the failures",
            cancellationToken);
        await foreach (AthenaRow row in results.ConfigureAwait(false))
        {
            rows.Add(AthenaFailureQuery.Read(row, grouping));
        }

        foreach (FailureSummary summary in FailureRow.Summaries(rows, query.Days))
        {
            yield return summary;
        }
    }

    private static IEnumerable<FailureSummary> Stream(DayBatches batches, FailureQuery query, DayRange days, IOutputSink sink, CancellationToken cancellationToken)
    {
        using var runner = new QueryRunner(sink);
        foreach (IReadOnlyList<FailureRow> rows in runner.Run(batches.Batches, query, cancellationToken))
        {
            foreach (FailureSummary summary in FailureRow.Summaries(rows, days))
            {
                yield return summary;
            }
        }
    }
}
