using System.Data.Common;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query.Engagement;

/// <summary>
/// The engagement counts of one sender identity over the range, with DuckDB: deliveries, opens and clicks in one
/// statement, one row per group (and day). An open is a proxy open when a delivery of its message lies within the
/// window of it, which is why deliveries are read a day either side of the range; only those in the range are counted.
/// </summary>
internal sealed class DuckDbEngagementQuery : IPartitionQuery<EngagementRow>
{
    private static readonly EngagementSql.Dialect Sql = EngagementSql.DuckDb;

    private readonly EngagementQuery _query;
    private readonly IReadOnlyDictionary<string, DateOnly> _folderDays;

    public DuckDbEngagementQuery(EngagementQuery query, IReadOnlyDictionary<string, DateOnly> folderDays)
    {
        _query = query;
        _folderDays = folderDays;
    }

    public SqlStatement Render(StorePartition partition, bool ignoreErrors)
    {
        var parameters = new SqlParameters();
        IEnumerable<string> events = partition.Folders
            .GroupBy(f => f.EventType)
            .OrderBy(g => g.Key)
            .Select(g => Events(g.Key, g.ToList(), parameters, ignoreErrors));
        // DuckDB refuses a bound value the statement does not use, so the identity is bound only when grouped by.
        string identity = _query.GroupBy.Has(GroupDimension.Identity) ? parameters.Bind(partition.Identity) : "NULL";
        string keys = EngagementSql.GroupColumns(_query.GroupBy, k => GroupSql.DuckDb(k, "recipient", identity, parameters));
        string text = $"""
            WITH events AS (
                {string.Join("\n    UNION ALL\n    ", events)}
            ),
            timed AS (
                SELECT *, list(CASE WHEN kind = {EngagementSql.Delivery} THEN event_time END) OVER (PARTITION BY {Sql.MessageId}) AS deliveries
                FROM events
            ),
            per_recipient AS (
                SELECT *, kind = {EngagementSql.Open} AND coalesce(list_bool_or(list_transform(deliveries, t -> abs(t - event_time) <= {parameters.Bind(_query.ProxyOpenWindowMilliseconds)})), false) AS proxy,
                    {keys}
                FROM (SELECT *, unnest(recipients) AS recipient FROM timed)
                WHERE kind <> {EngagementSql.Delivery} OR day BETWEEN {parameters.Bind(AthenaPartitions.ToText(_query.Days.From))} AND {parameters.Bind(AthenaPartitions.ToText(_query.Days.To))}
            )
            SELECT {(_query.Total ? string.Empty : "day, ")}{EngagementSql.GroupNames(_query.GroupBy)},
                {string.Join(",\n    ", EngagementSql.Counts(Sql))}
            FROM per_recipient
            GROUP BY ALL
            """;
        return new SqlStatement(text, parameters.Values);
    }

    public IEnumerable<EngagementRow> Read(DbDataReader reader, StorePartition partition)
    {
        int keys = _query.GroupBy.Keys.Count;
        int first = _query.Total ? 0 : 1;
        while (reader.Read())
        {
            DateOnly? day = _query.Total ? null : AthenaPartitions.ParseDay(reader.GetString(0));
            var group = new GroupValues(_query.GroupBy, Enumerable.Range(first, keys).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)));
            yield return new EngagementRow(day, group, EngagementCounts.FromColumns(i => reader.GetInt64(first + keys + i)));
        }
    }

    /// <summary>
    /// The events of one type in all its folders as (kind, day, mail, recipients, at, event), in one scan: DuckDB pays a
    /// fixed cost and holds read buffers for each <c>read_json</c>, which a scan per folder (a type and day) multiplied.
    /// Each row's day is its folder's, found from the position of its object in the list (<c>file_index</c>). An
    /// open's and a click's recipients are the message's.
    /// </summary>
    private string Events(SesEventType type, IReadOnlyList<StoreFolder> folders, SqlParameters parameters, bool ignoreErrors)
    {
        var folderDays = folders.ToDictionary(f => f.Path, f => parameters.Bind(AthenaPartitions.ToText(_folderDays[f.Path])), StringComparer.Ordinal);
        string day = $"[{string.Join(", ", DuckDbJson.FolderOfEachFile(folders).Select(f => folderDays[f.Path]))}][CAST(file_index AS BIGINT) + 1]";
        string from = DuckDbJson.Read(folders, Columns(type, _query.GroupBy), ignoreErrors);
        return type switch
        {
            SesEventType.Delivery => $"SELECT {EngagementSql.Delivery} AS kind, {day} AS day, mail, {Sql.DeliveryRecipients} AS recipients, {Sql.Milliseconds(Sql.DeliveryTime)} AS event_time, NULL::VARCHAR AS event FROM {from}",
            SesEventType.Open => $"SELECT {EngagementSql.Open} AS kind, {day} AS day, mail, {Sql.Destination} AS recipients, {Sql.Milliseconds(Sql.OpenTime)} AS event_time, {EngagementSql.OpenKey(Sql)} AS event FROM {from}",
            SesEventType.Click => $"SELECT {EngagementSql.Click} AS kind, {day} AS day, mail, {Sql.Destination} AS recipients, {Sql.Milliseconds(Sql.ClickTime)} AS event_time, {EngagementSql.ClickKey(Sql)} AS event FROM {from}",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
    }

    /// <summary>
    /// The fields each type's objects are read with. The <c>mail</c> fields come first and alike for every type, so the
    /// branches of the union have one <c>mail</c> struct.
    /// </summary>
    internal static DuckDbColumns Columns(SesEventType type, GroupBy grouping)
    {
        DuckDbColumns columns = GroupSql.AddDuckDbColumns(new DuckDbColumns().Add("mail.messageId", "VARCHAR").Add("mail.destination", "VARCHAR[]"), grouping);
        return type switch
        {
            SesEventType.Delivery => columns.Add("delivery.timestamp", "VARCHAR").Add("delivery.recipients", "VARCHAR[]"),
            SesEventType.Open => columns.Add("open.timestamp", "VARCHAR").Add("open.ipAddress", "VARCHAR").Add("open.userAgent", "VARCHAR"),
            _ => columns.Add("click.timestamp", "VARCHAR").Add("click.ipAddress", "VARCHAR").Add("click.userAgent", "VARCHAR")
                .Add("click.link", "VARCHAR").Add("click.linkTags", "MAP(VARCHAR, VARCHAR[])"),
        };
    }
}
