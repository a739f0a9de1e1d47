using System.Data.Common;
using System.Runtime.CompilerServices;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Store;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// The article's bounce query for one partition or a batch of them: one row per bounced recipient, filters bound as
/// parameters; in a partition, by send time, message id and recipient.
/// </summary>
public sealed class BounceQuery : IStreamedPartitionQuery<BounceRecord>
{
    private static readonly DuckDbColumns Columns = new DuckDbColumns()
        .Add("mail.timestamp").Add("mail.source").Add("mail.sendingAccountId").Add("mail.messageId")
        .Add("mail.commonHeaders.subject").Add("mail.tags")
        .Add("bounce.bounceType").Add("bounce.bounceSubType").Add("bounce.feedbackId").Add("bounce.timestamp").Add("bounce.reportingMTA")
        .Add("bounce.bouncedRecipients[].emailAddress").Add("bounce.bouncedRecipients[].action")
        .Add("bounce.bouncedRecipients[].status").Add("bounce.bouncedRecipients[].diagnosticCode");

    // The columns after the partition index, in BounceRecord.FromColumns's order; three of them order a partition's rows.
    private const int MessageIdColumn = 0;
    private const int SendTimeColumn = 1;
    private const int EmailAddressColumn = 17;

    private readonly IReadOnlyList<string> _bounceTypes;
    private readonly IReadOnlyList<Wildcard> _recipients;

    public BounceQuery(EventQuery query)
    {
        _bounceTypes = query.BounceTypes;
        _recipients = query.Recipients.Select(r => new Wildcard(r)).ToList();
    }

    public SqlStatement Render(StorePartition partition, bool ignoreErrors) =>
        Render(DuckDbJson.Read(partition.FoldersOf(SesEventType.Bounce), Columns, ignoreErrors), partitionIndex: null);

    public SqlStatement Render(IReadOnlyList<StorePartition> partitions, bool ignoreErrors)
    {
        BatchObjects batch = DuckDbJson.Batch(partitions, SesEventType.Bounce);
        return Render(DuckDbJson.Read(batch.Folders, Columns, ignoreErrors), batch.PartitionIndex);
    }

    public SqlStatement RenderUnordered(IReadOnlyList<StorePartition> partitions)
    {
        BatchObjects batch = DuckDbJson.Batch(partitions, SesEventType.Bounce);
        return Render(DuckDbJson.Read(batch.Folders, Columns, ignoreErrors: false), batch.PartitionIndex, ordered: false);
    }

    StreamedRow<BounceRecord> IStreamedPartitionQuery<BounceRecord>.ReadRow(ChunkReader reader, IReadOnlyList<StorePartition> partitions)
    {
        int index = reader.GetInt32(0);
        StorePartition partition = partitions[index];
        var row = default(RowText);
        for (int i = 0; i < BounceRecord.ColumnCount; i++)
        {
            row[i] = reader.GetText(i + 1);
        }

        BounceRecord record = BounceRecord.FromColumns(partition.Identity, partition.Day, row);
        return new StreamedRow<BounceRecord>(index, record, new SqlSortKey(row[SendTimeColumn], row[MessageIdColumn], row[EmailAddressColumn]));
    }

    public IEnumerable<BounceRecord> Read(DbDataReader reader, StorePartition partition)
    {
        // One array for every row: a record keeps the strings, not the array.
        var row = new string?[BounceRecord.ColumnCount];
        while (reader.Read())
        {
            ReadText(reader, first: 0, row);
            yield return BounceRecord.FromColumns(partition.Identity, partition.Day, row);
        }
    }

    public IEnumerable<BounceRecord> Read(DbDataReader reader, IReadOnlyList<StorePartition> partitions)
    {
        var row = new string?[BounceRecord.ColumnCount];
        while (reader.Read())
        {
            StorePartition partition = partitions[reader.GetInt32(0)];
            ReadText(reader, first: 1, row);
            yield return BounceRecord.FromColumns(partition.Identity, partition.Day, row);
        }
    }

    /// <summary>The record's columns of the current row, from column <paramref name="first"/> on.</summary>
    private static void ReadText(DbDataReader reader, int first, Span<string?> row)
    {
        for (int i = 0; i < row.Length; i++)
        {
            row[i] = reader.IsDBNull(first + i) ? null : reader.GetString(first + i);
        }
    }

    /// <summary>A row's text columns on the stack: <see cref="ReadRow"/> runs once a row, and an array a row was garbage.</summary>
    [InlineArray(BounceRecord.ColumnCount)]
    private struct RowText
    {
        private string? _column;
    }

    /// <summary>
    /// The bounce rows of <paramref name="source"/>; with <paramref name="partitionIndex"/>, that first (and sorted on
    /// first). <see cref="ReadRow"/> orders them as the <c>ORDER BY</c> does.
    /// </summary>
    private SqlStatement Render(string source, string? partitionIndex, bool ordered = true)
    {
        var parameters = new SqlParameters();
        var conditions = new List<string>();
        if (_bounceTypes.Count > 0)
        {
            conditions.Add("bounce.bounceType IN (" + string.Join(", ", _bounceTypes.Select(parameters.Bind)) + ")");
        }

        if (_recipients.Count > 0)
        {
            conditions.Add("(" + string.Join(" OR ", _recipients.Select(p => Matches(p, parameters))) + ")");
        }

        string orderBy = (partitionIndex is null ? string.Empty : "partition_index, ") + "mail.\"timestamp\", mail.messageId, recipient.emailAddress";
        string text = $"""
            SELECT
                {(partitionIndex is null ? string.Empty : "partition_index, ")}mail.messageId, mail."timestamp", mail.source, mail.sendingAccountId, mail.commonHeaders.subject,
                mail.tags['ses:configuration-set'][1], mail.tags['ses:source-ip'][1], mail.tags['ses:from-domain'][1], mail.tags['ses:outgoing-ip'][1],
                bounce.bounceType, bounce.bounceSubType, bounce.feedbackId, bounce."timestamp", bounce.reportingMTA,
                recipient.action, recipient.status, recipient.diagnosticCode, recipient.emailAddress
            FROM (
                SELECT {(partitionIndex is null ? string.Empty : partitionIndex + " AS partition_index, ")}mail, bounce, unnest(bounce.bouncedRecipients) AS recipient
                FROM {source}
            )
            {(conditions.Count > 0 ? "WHERE " + string.Join(" AND ", conditions) : string.Empty)}
            {(ordered ? "ORDER BY " + orderBy : string.Empty)}
            """;
        return new SqlStatement(text, parameters.Values);
    }

    /// <summary>LIKE where it can express the pattern; a bracket set needs RE2, which DuckDB's regexp functions run.</summary>
    private static string Matches(Wildcard pattern, SqlParameters parameters) =>
        pattern.HasSets
            ? $"regexp_matches(recipient.emailAddress, {parameters.Bind(pattern.ToSqlRegex())})"
            : $"recipient.emailAddress ILIKE {parameters.Bind(pattern.ToSqlLike())} ESCAPE '\\'";
}
