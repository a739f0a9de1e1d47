using System.Data.Common;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query.Delivery;

/// <summary>
/// The delivery times of one batch of a store (<see cref="DayBatches"/>: a day, or the whole range), in one statement
/// over the batch's Delivery objects, so percentiles are over every event of a group, whichever identities it spans.
/// Nearest-rank: the p-th percentile of n sorted times is the ⌈p·n/100⌉-th, in integers, as Athena computes it.
/// </summary>
public sealed class DeliveryTimeQuery : IPartitionQuery<IReadOnlyList<DeliveryTimeRow>>
{
    private const string Domain = "domain";
    private readonly GroupBy _grouping;
    private readonly DayBatches _batches;
    private readonly bool _total;

    public DeliveryTimeQuery(GroupBy grouping, DayBatches batches, bool total)
    {
        _grouping = grouping;
        _batches = batches;
        _total = total;
    }

    public SqlStatement Render(StorePartition partition, bool ignoreErrors)
    {
        var parameters = new SqlParameters();
        List<string> parts = _batches.PartsOf(partition)
            .Select(part => Part(part.Identity, part.Folders, ignoreErrors, parameters))
            .ToList();
        string keys = string.Join(", ", Keys);
        string percentiles = string.Join(", ", DeliveryTimeRow.Percentiles.Select(p => $"CASE WHEN len(times) > 0 THEN times[({p} * len(times) + 99) // 100] END"));
        string text = $"""
            SELECT {keys}, deliveries, recipients, slowest, {percentiles}
            FROM (
                SELECT {keys}, count(*)::BIGINT AS deliveries, coalesce(sum(recipients), 0)::BIGINT AS recipients, max(ms) AS slowest,
                    list_sort(list(ms) FILTER (WHERE ms IS NOT NULL)) AS times
                FROM ({PerRecipientDomain(string.Join("\n    UNION ALL\n    ", parts), parameters)})
                GROUP BY {keys}
            )
            """;
        return new SqlStatement(text, parameters.Values);
    }

    public IEnumerable<IReadOnlyList<DeliveryTimeRow>> Read(DbDataReader reader, StorePartition partition)
    {
        int keys = _grouping.Keys.Count;
        var rows = new List<DeliveryTimeRow>();
        while (reader.Read())
        {
            rows.Add(new DeliveryTimeRow(
                _total ? null : partition.Day,
                new GroupValues(_grouping, Enumerable.Range(0, keys).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i))),
                reader.GetInt64(keys),
                reader.GetInt64(keys + 1),
                Number(reader, keys + 3),
                Number(reader, keys + 4),
                Number(reader, keys + 5),
                Number(reader, keys + 2)));
        }

        yield return rows;
    }

    private IEnumerable<string> Keys => _grouping.Keys.Select((_, i) => $"k{i}");

    /// <summary>The events of one identity: each key but the recipient domain, the time and the recipients.</summary>
    private string Part(string identity, IReadOnlyList<StoreFolder> folders, bool ignoreErrors, SqlParameters parameters)
    {
        // DuckDB takes exactly the parameters a statement names: the identity is bound only where it is a key.
        string identityValue = _grouping.Has(GroupDimension.Identity) ? parameters.Bind(identity) : "NULL";
        DuckDbColumns columns = GroupSql.AddDuckDbColumns(
            new DuckDbColumns()
                .Add("eventType", "VARCHAR")
                .Add("notificationType", "VARCHAR")
                .Add("delivery.processingTimeMillis", "BIGINT")
                .Add("delivery.recipients", "VARCHAR[]"),
            _grouping);
        string values = string.Join(", ", _grouping.Keys
            .Select((k, i) => (k, i))
            .Where(p => p.k.Dimension != GroupDimension.RecipientDomain)
            .Select(p => $"{NormalizedGroupSql.DuckDb(p.k, Domain, identityValue, parameters)} AS k{p.i}")
            .Append("delivery.processingTimeMillis AS ms")
            .Append("delivery.recipients AS delivery_recipients"));
        return $"SELECT {values} FROM {DuckDbJson.Read(folders, columns, ignoreErrors)} WHERE coalesce(eventType, notificationType) IS NOT NULL";
    }

    /// <summary>
    /// The parts' rows with the recipient count, and with recipient-domain grouping one row per domain an event
    /// delivered to, holding that domain's recipients. The unnest is over the union, once.
    /// </summary>
    private string PerRecipientDomain(string parts, SqlParameters parameters)
    {
        if (!_grouping.ByRecipient)
        {
            return $"SELECT {string.Join(", ", Keys)}, ms, coalesce(len(delivery_recipients), 0) AS recipients FROM ({parts})";
        }

        string keys = string.Join(", ", _grouping.Keys.Select((k, i) => k.Dimension == GroupDimension.RecipientDomain ? $"{NormalizedGroupSql.DomainKey(Domain)} AS k{i}" : $"k{i}"));
        string domains = $"list_distinct(list_transform(delivery_recipients, r -> {NormalizedGroupSql.DuckDbDomain("r", parameters)}))";
        string recipients = $"len(list_filter(delivery_recipients, r -> {NormalizedGroupSql.DuckDbDomain("r", parameters)} = {Domain}))";
        return $"SELECT {keys}, ms, {recipients} AS recipients FROM (SELECT *, unnest({domains}) AS {Domain} FROM ({parts}))";
    }

    private static long? Number(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    /// <summary>The event types a delivery-time batch reads.</summary>
    public static IReadOnlyCollection<SesEventType> EventTypes { get; } = [SesEventType.Delivery];
}
