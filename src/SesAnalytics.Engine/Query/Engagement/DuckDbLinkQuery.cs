using System.Data.Common;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query.Engagement;

/// <summary>The clicks of one sender identity over the range per group, link and link tags, with DuckDB.</summary>
internal sealed class DuckDbLinkQuery : IPartitionQuery<LinkRow>
{
    private static readonly EngagementSql.Dialect Sql = EngagementSql.DuckDb;

    private readonly LinkQuery _query;

    public DuckDbLinkQuery(LinkQuery query)
    {
        _query = query;
    }

    public SqlStatement Render(StorePartition partition, bool ignoreErrors)
    {
        var parameters = new SqlParameters();
        DuckDbColumns columns = DuckDbEngagementQuery.Columns(SesEventType.Click, _query.GroupBy);
        // One scan over every folder's objects: DuckDB pays a fixed cost and holds read buffers for each read_json.
        string events = $"SELECT mail, {Sql.Destination} AS recipients, {EngagementSql.ClickKey(Sql)} AS event, {Sql.Link} AS link, " +
            $"{Sql.LinkTagsText(Sql.LinkTagsMap)} AS link_tags FROM {DuckDbJson.Read(partition.Folders, columns, ignoreErrors)}";
        // DuckDB refuses a bound value the statement does not use, so the identity is bound only when grouped by.
        string identity = _query.GroupBy.Has(GroupDimension.Identity) ? parameters.Bind(partition.Identity) : "NULL";
        string keys = EngagementSql.GroupColumns(_query.GroupBy, k => GroupSql.DuckDb(k, "recipient", identity, parameters));
        string text = $"""
            WITH events AS (
                {events}
            )
            SELECT {EngagementSql.GroupNames(_query.GroupBy)}, link, link_tags, count(DISTINCT event), count(DISTINCT pair)
            FROM (
                SELECT *, {keys}, {EngagementSql.Pair(Sql)} AS pair
                FROM (SELECT *, unnest(recipients) AS recipient FROM events)
            )
            GROUP BY ALL
            """;
        return new SqlStatement(text, parameters.Values);
    }

    public IEnumerable<LinkRow> Read(DbDataReader reader, StorePartition partition)
    {
        int keys = _query.GroupBy.Keys.Count;
        Func<int, string?> text = i => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (reader.Read())
        {
            var group = new GroupValues(_query.GroupBy, Enumerable.Range(0, keys).Select(text));
            yield return new LinkRow(group, text(keys), text(keys + 1), reader.GetInt64(keys + 2), reader.GetInt64(keys + 3));
        }
    }
}
