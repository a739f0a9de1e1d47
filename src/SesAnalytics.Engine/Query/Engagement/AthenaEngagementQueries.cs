using SesAnalytics.Engine.Query.Athena;

namespace SesAnalytics.Engine.Query.Engagement;

/// <summary>The engagement questions answered with Athena over the stack's table: one statement each.</summary>
public static class AthenaEngagementQueries
{
    public static async Task<IReadOnlyList<EngagementSummary>> SummariesAsync(AthenaQueries queries, AthenaTarget target, EngagementQuery query, CancellationToken cancellationToken)
    {
        IAsyncEnumerable<AthenaRow> rows = queries.RowsForIdentitiesAsync(
            target, query.Identities, identities => AthenaEngagementQuery.Render(query, identities, target), $"the engagement over {query.Days.DayCount} days", cancellationToken);
        return EngagementResults.Summaries(await ReadAsync(rows, row => AthenaEngagementQuery.Read(row, query), cancellationToken).ConfigureAwait(false), query);
    }

    public static async Task<IReadOnlyList<LinkSummary>> LinksAsync(AthenaQueries queries, AthenaTarget target, LinkQuery query, CancellationToken cancellationToken)
    {
        IAsyncEnumerable<AthenaRow> rows = queries.RowsForIdentitiesAsync(
            target, query.Identities, identities => AthenaEngagementQuery.RenderLinks(query, identities, target), $"the clicked links of {query.Days.DayCount} days", cancellationToken);
        return EngagementResults.Links(await ReadAsync(rows, row => AthenaEngagementQuery.ReadLink(row, query), cancellationToken).ConfigureAwait(false), query);
    }

    private static async Task<List<T>> ReadAsync<T>(IAsyncEnumerable<AthenaRow> rows, Func<AthenaRow, T> read, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (AthenaRow row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            list.Add(read(row));
        }

        return list;
    }
}
