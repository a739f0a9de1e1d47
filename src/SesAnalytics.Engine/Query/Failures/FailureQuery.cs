using System.Data.Common;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query.Failures;

/// <summary>
/// The failures of one batch of a store (<see cref="DayBatches"/>), in one statement over its Bounce, DeliveryDelay,
/// Reject and Rendering Failure objects: one row per failed recipient, grouped on the raw code with counts per recipient
/// domain and, in a second grouping set, the distinct events. <see cref="FailureRow.Summaries"/> normalises and folds.
/// </summary>
public sealed class FailureQuery : IPartitionQuery<IReadOnlyList<FailureRow>>
{
    private readonly GroupBy _grouping;
    private readonly DayBatches _batches;
    private readonly bool _total;

    public FailureQuery(GroupBy grouping, DayBatches batches, bool total)
    {
        _grouping = grouping;
        _batches = batches;
        _total = total;
    }

    public SqlStatement Render(StorePartition partition, bool ignoreErrors)
    {
        var parameters = new SqlParameters();
        List<string> parts = _batches.PartsOf(partition)
            .SelectMany(part => part.Folders
                .GroupBy(f => f.EventType)
                .OrderBy(g => g.Key)
                .Select(type => Part(FailureKinds.Of(type.Key), part.Identity, type.ToList(), ignoreErrors, parameters)))
            .ToList();
        string keys = string.Join(", ", _grouping.Keys.Select((_, i) => $"k{i}"));
        string keyValues = string.Join(", ", _grouping.Keys.Select((k, i) => k.Dimension == GroupDimension.RecipientDomain ? $"{NormalizedGroupSql.DomainKey(FailureSql.Domain)} AS k{i}" : $"k{i}"));
        string failure = $"{keys}, kind, type, subtype, code, status";
        string text = $"""
            SELECT {failure}, {FailureSql.Domain}, GROUPING({FailureSql.Domain})::INTEGER, count(DISTINCT event)::BIGINT, count(*)::BIGINT
            FROM (
                SELECT {keyValues}, kind, type, subtype, code, status, {FailureSql.Domain}, event
                FROM (SELECT *, {NormalizedGroupSql.DuckDbDomain("address", parameters)} AS {FailureSql.Domain} FROM (
                    {string.Join("\n    UNION ALL\n    ", parts)}
                ))
            )
            GROUP BY GROUPING SETS (({failure}, {FailureSql.Domain}), ({failure}))
            """;
        return new SqlStatement(text, parameters.Values);
    }

    public IEnumerable<IReadOnlyList<FailureRow>> Read(DbDataReader reader, StorePartition partition)
    {
        int keys = _grouping.Keys.Count;
        var rows = new List<FailureRow>();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            rows.Add(new FailureRow(
                _total ? null : partition.Day,
                new GroupValues(_grouping, Enumerable.Range(0, keys).Select(Text)),
                Enum.Parse<FailureKind>(reader.GetString(keys)),
                Text(keys + 1),
                Text(keys + 2),
                Text(keys + 3),
                Text(keys + 4),
                Text(keys + 5),
                reader.GetInt32(keys + 6) == 1,
                reader.GetInt64(keys + 7),
                reader.GetInt64(keys + 8)));
        }

        yield return rows;
    }

    /// <summary>One failed recipient per row, of one kind and identity: every key but the recipient domain, then the failure.</summary>
    private string Part(FailureKind kind, string identity, IReadOnlyList<StoreFolder> folders, bool ignoreErrors, SqlParameters parameters)
    {
        // DuckDB takes exactly the parameters a statement names: the identity is bound only where it is a key.
        string identityValue = _grouping.Has(GroupDimension.Identity) ? parameters.Bind(identity) : "NULL";
        DuckDbColumns columns = GroupSql.AddDuckDbColumns(
            new DuckDbColumns().Add("eventType", "VARCHAR").Add("notificationType", "VARCHAR").Add("mail.messageId", "VARCHAR"),
            _grouping);
        FailureSql.Shape shape = FailureSql.DuckDb(kind, columns);
        string keys = string.Join(string.Empty, _grouping.Keys
            .Select((k, i) => (k, i))
            .Where(p => p.k.Dimension != GroupDimension.RecipientDomain)
            .Select(p => $"{NormalizedGroupSql.DuckDb(p.k, FailureSql.Domain, identityValue, parameters)} AS k{p.i}, "));
        return $"SELECT {keys}'{kind}' AS kind, {shape.Type} AS type, {shape.SubType} AS subtype, {shape.Code} AS code, {shape.Status} AS status, " +
            $"{shape.Address} AS address, {shape.Event} AS event " +
            $"FROM (SELECT *, unnest({shape.Recipients}) AS recipient FROM {DuckDbJson.Read(folders, columns, ignoreErrors)} " +
            "WHERE coalesce(eventType, notificationType) IS NOT NULL)";
    }

    /// <summary>The event types a failure batch reads for the kinds asked.</summary>
    public static IReadOnlyCollection<SesEventType> EventTypes(IEnumerable<FailureKind> kinds) => kinds.Select(k => k.EventType()).ToList();
}
