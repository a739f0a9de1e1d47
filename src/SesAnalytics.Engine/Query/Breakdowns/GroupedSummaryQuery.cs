using System.Data.Common;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query.Breakdowns;

/// <summary>
/// The counts of <see cref="EventSummaryQuery"/> per group of one partition (DuckDB), one row per event type and group.
/// Grouped by recipient domain, an event counts once in each domain it is about and its recipients in their own
/// domain's group. The identity is the partition's, so it needs no SQL.
/// </summary>
internal sealed class GroupedSummaryQuery : IPartitionQuery<GroupedCounts>
{
    private const string DomainColumn = "recipient_domain";

    private readonly SummaryRequest _request;

    public GroupedSummaryQuery(SummaryRequest request)
    {
        _request = request;
    }

    private GroupBy Grouping => _request.GroupBy;

    public SqlStatement Render(StorePartition partition, bool ignoreErrors)
    {
        var parameters = new SqlParameters();
        IEnumerable<string> parts = partition.Folders
            .Select(f => f.EventType)
            .Distinct()
            .Order()
            .Select(type => CountOf(type, partition.Objects(type), ignoreErrors, parameters))
            .ToList();
        return new SqlStatement(string.Join("\nUNION ALL\n", parts), parameters.Values);
    }

    public IEnumerable<GroupedCounts> Read(DbDataReader reader, StorePartition partition)
    {
        int keys = Grouping.EventKeys.Count;
        while (reader.Read())
        {
            long events = reader.GetInt64(keys + 1);
            if (events == 0)
            {
                continue;
            }

            SesEventType type = Enum.Parse<SesEventType>(reader.GetString(0));
            var values = new Queue<string?>(Enumerable.Range(1, keys).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)));
            var group = new GroupValues(Grouping, Grouping.Keys.Select(k => k == GroupKey.Identity ? partition.Identity : values.Dequeue()));
            yield return new GroupedCounts(group, partition.Day, SummaryCounts.Of(type, events, reader.GetInt64(keys + 2), reader.GetInt64(keys + 3), reader.GetInt64(keys + 4)));
        }
    }

    private string CountOf(SesEventType type, IReadOnlyList<string> objects, bool ignoreErrors, SqlParameters parameters)
    {
        DuckDbColumns columns = GroupSql.AddDuckDbRecipientColumns(GroupSql.AddDuckDbColumns(new DuckDbColumns(), Grouping), type)
            .Add("eventType", "VARCHAR")
            .Add("notificationType", "VARCHAR");
        if (_request.ConfigurationSets.Count > 0)
        {
            columns.Add("mail.tags", "MAP(VARCHAR, VARCHAR[])");
        }

        if (type == SesEventType.Bounce)
        {
            columns.Add("bounce.bounceType", "VARCHAR");
        }

        string recipients = GroupSql.DuckDbRecipients(type);
        string permanent = type == SesEventType.Bounce ? "coalesce(bounce.bounceType = 'Permanent', false)" : "false";
        var keys = Grouping.EventKeys
            .Select((key, i) => $"{(key == GroupKey.RecipientDomain ? DomainColumn : GroupSql.DuckDb(key, DomainColumn, string.Empty, parameters))} AS k{i}")
            .ToList();
        string count = Grouping.ByRecipient
            ? $"len(list_filter({recipients}, r -> {Domain("r", parameters)} = {DomainColumn}))"
            : $"len({recipients})";
        string source = DuckDbJson.Read(objects, columns.Render(), ignoreErrors);
        string events = Grouping.ByRecipient
            ? $"(SELECT *, unnest(list_distinct(list_transform({recipients}, r -> {Domain("r", parameters)}))) AS {DomainColumn} FROM {source} WHERE {Where(parameters)})"
            : $"{source} WHERE {Where(parameters)}";
        string keyColumns = string.Concat(Enumerable.Range(0, keys.Count).Select(i => $"k{i}, "));
        string groupBy = keys.Count == 0 ? string.Empty : " GROUP BY " + string.Join(", ", Enumerable.Range(0, keys.Count).Select(i => $"k{i}"));
        return $"SELECT {DuckDbJson.Literal(type.ToString())}, {keyColumns}count(*), {Sum("n")}, count(*) FILTER (WHERE permanent), {Sum("n", "permanent")} " +
            $"FROM (SELECT {string.Concat(keys.Select(k => k + ", "))}{count} AS n, {permanent} AS permanent FROM {events}){groupBy}";
    }

    /// <summary>Only rows that are events (with ignore_errors a bad line is a row of NULLs), of the configuration sets asked for.</summary>
    private string Where(SqlParameters parameters)
    {
        string parsed = "coalesce(eventType, notificationType) IS NOT NULL";
        if (_request.ConfigurationSetPatterns.Count == 0)
        {
            return parsed;
        }

        string set = GroupSql.DuckDb(GroupKey.ConfigurationSet, DomainColumn, string.Empty, parameters);
        IEnumerable<string> matches = _request.ConfigurationSetPatterns.Select(p => p.HasSets
            ? $"regexp_matches({set}, {parameters.Bind(p.ToSqlRegex())})"
            : $"{set} ILIKE {parameters.Bind(p.ToSqlLike())} ESCAPE '\\'");
        return $"{parsed} AND ({string.Join(" OR ", matches)})";
    }

    /// <summary>A recipient's domain, lower-case, empty when it has none: equal text for equal domains in both engines.</summary>
    private static string Domain(string recipient, SqlParameters parameters) =>
        $"coalesce(lower({GroupSql.DuckDb(GroupKey.RecipientDomain, recipient, string.Empty, parameters)}), '')";

    private static string Sum(string expression, string? filter = null) =>
        $"CAST(coalesce(sum({expression}){(filter is null ? string.Empty : $" FILTER (WHERE {filter})")}, 0) AS BIGINT)";
}
