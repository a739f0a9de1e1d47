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
internal sealed class GroupedSummaryQuery : IPartitionBatchQuery<GroupedCounts>
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
            .Select(type => CountOf(type, partition.FoldersOf(type), partitionIndex: null, ignoreErrors, parameters))
            .ToList();
        return new SqlStatement(string.Join("\nUNION ALL\n", parts), parameters.Values);
    }

    public SqlStatement Render(IReadOnlyList<StorePartition> partitions, bool ignoreErrors)
    {
        var parameters = new SqlParameters();
        IEnumerable<string> parts = partitions
            .SelectMany(p => p.Folders)
            .Select(f => f.EventType)
            .Distinct()
            .Order()
            .Select(type =>
            {
                BatchObjects batch = DuckDbJson.Batch(partitions, type);
                return CountOf(type, batch.Folders, batch.PartitionIndex, ignoreErrors, parameters);
            })
            .ToList();
        return new SqlStatement(string.Join("\nUNION ALL\n", parts), parameters.Values);
    }

    public IEnumerable<GroupedCounts> Read(DbDataReader reader, StorePartition partition)
    {
        while (reader.Read())
        {
            if (Row(reader, firstColumn: 0, partition) is { } row)
            {
                yield return row;
            }
        }
    }

    public IEnumerable<GroupedCounts> Read(DbDataReader reader, IReadOnlyList<StorePartition> partitions)
    {
        List<GroupedCounts>[] rows = partitions.Select(_ => new List<GroupedCounts>()).ToArray();
        while (reader.Read())
        {
            int index = reader.GetInt32(0);
            if (Row(reader, firstColumn: 1, partitions[index]) is { } row)
            {
                rows[index].Add(row);
            }
        }

        return rows.SelectMany(r => r);
    }

    /// <summary>A row of one type and group: label, the keys, events, recipients, hard bounces, hard-bounced recipients.</summary>
    private GroupedCounts? Row(DbDataReader reader, int firstColumn, StorePartition partition)
    {
        int keys = Grouping.EventKeys.Count;
        long events = reader.GetInt64(firstColumn + keys + 1);
        if (events == 0)
        {
            return null;
        }

        SesEventType type = Enum.Parse<SesEventType>(reader.GetString(firstColumn));
        var values = new Queue<string?>(Enumerable.Range(firstColumn + 1, keys).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)));
        var group = new GroupValues(Grouping, Grouping.Keys.Select(k => k == GroupKey.Identity ? partition.Identity : values.Dequeue()));
        int counts = firstColumn + keys + 2;
        return new GroupedCounts(group, partition.Day, SummaryCounts.Of(type, events, reader.GetInt64(counts), reader.GetInt64(counts + 1), reader.GetInt64(counts + 2)));
    }

    /// <param name="partitionIndex">With a batch of partitions, the SQL of each row's partition index, its first column.</param>
    private string CountOf(SesEventType type, IReadOnlyList<StoreFolder> folders, string? partitionIndex, bool ignoreErrors, SqlParameters parameters)
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

        DerivedColumn domains = EventFields.RecipientDomains(type);
        if (Grouping.ByRecipient)
        {
            columns.Add(domains);
        }

        string recipients = GroupSql.DuckDbRecipients(type);
        string permanent = type == SesEventType.Bounce ? "coalesce(bounce.bounceType = 'Permanent', false)" : "false";
        var keys = Grouping.EventKeys
            .Select((key, i) => $"{(key == GroupKey.RecipientDomain ? DomainColumn : GroupSql.DuckDb(key, DomainColumn, string.Empty, parameters))} AS k{i}")
            .ToList();
        string count = Grouping.ByRecipient
            ? $"len(list_filter({domains.Name}, d -> d = {DomainColumn}))"
            : $"len({recipients})";
        string source = DuckDbJson.Read(folders, columns, ignoreErrors);
        // In a batch, each row carries its partition's index, and the counts are per partition as well as per group.
        string index = partitionIndex is null ? string.Empty : $", {partitionIndex} AS partition_index";
        string events = Grouping.ByRecipient
            ? $"(SELECT *{index}, unnest(list_distinct({domains.Name})) AS {DomainColumn} FROM {source} WHERE {Where(parameters)})"
            : $"(SELECT *{index} FROM {source} WHERE {Where(parameters)})";
        List<string> groupColumns = [.. partitionIndex is null ? [] : new[] { "partition_index" }, .. keys.Select((_, i) => $"k{i}")];
        string leading = string.Concat(groupColumns.Select(c => c + ", "));
        string groupBy = groupColumns.Count == 0 ? string.Empty : " GROUP BY " + string.Join(", ", groupColumns);
        string inner = string.Concat((partitionIndex is null ? [] : new[] { "partition_index" }).Concat(keys).Select(k => k + ", "));
        string label = DuckDbJson.Literal(type.ToString());
        string selected = partitionIndex is null ? $"{label}, {leading}" : $"partition_index, {label}, {string.Concat(keys.Select((_, i) => $"k{i}, "))}";
        return $"SELECT {selected}count(*), {Sum("n")}, count(*) FILTER (WHERE permanent), {Sum("n", "permanent")} " +
            $"FROM (SELECT {inner}{count} AS n, {permanent} AS permanent FROM {events}){groupBy}";
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

    private static string Sum(string expression, string? filter = null) =>
        $"CAST(coalesce(sum({expression}){(filter is null ? string.Empty : $" FILTER (WHERE {filter})")}, 0) AS BIGINT)";
}
