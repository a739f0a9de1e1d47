using System.Data.Common;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Store;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Query;

/// <summary>The article's bounce query for one partition: one row per bounced recipient, filters bound as parameters.</summary>
public sealed class BounceQuery : IPartitionQuery<BounceRecord>
{
    private static readonly string Columns = string.Join(
        ", ",
        DuckDbJson.Column("mail", DuckDbJson.Struct(
            ("timestamp", "VARCHAR"),
            ("source", "VARCHAR"),
            ("sendingAccountId", "VARCHAR"),
            ("messageId", "VARCHAR"),
            ("commonHeaders", DuckDbJson.Struct(("subject", "VARCHAR"))),
            ("tags", DuckDbJson.Struct(
                ("ses:configuration-set", "VARCHAR[]"),
                ("ses:source-ip", "VARCHAR[]"),
                ("ses:from-domain", "VARCHAR[]"),
                ("ses:outgoing-ip", "VARCHAR[]"))))),
        DuckDbJson.Column("bounce", DuckDbJson.Struct(
            ("bounceType", "VARCHAR"),
            ("bounceSubType", "VARCHAR"),
            ("feedbackId", "VARCHAR"),
            ("timestamp", "VARCHAR"),
            ("reportingMTA", "VARCHAR"),
            ("bouncedRecipients", DuckDbJson.Struct(
                ("emailAddress", "VARCHAR"),
                ("action", "VARCHAR"),
                ("status", "VARCHAR"),
                ("diagnosticCode", "VARCHAR")) + "[]"))));

    private readonly IReadOnlyList<string> _bounceTypes;
    private readonly IReadOnlyList<string> _recipientPatterns;

    public BounceQuery(EventQuery query)
    {
        _bounceTypes = query.BounceTypes;
        _recipientPatterns = query.Recipients.Select(r => new Wildcard(r).ToSqlLike()).ToList();
    }

    public SqlStatement Render(StorePartition partition, bool ignoreErrors)
    {
        var parameters = new SqlParameters();
        var conditions = new List<string>();
        if (_bounceTypes.Count > 0)
        {
            conditions.Add("bounce.bounceType IN (" + string.Join(", ", _bounceTypes.Select(parameters.Bind)) + ")");
        }

        if (_recipientPatterns.Count > 0)
        {
            conditions.Add("(" + string.Join(" OR ", _recipientPatterns.Select(p => $"recipient.emailAddress ILIKE {parameters.Bind(p)} ESCAPE '\\'")) + ")");
        }

        string text = $"""
            SELECT
                mail.messageId, mail."timestamp", mail.source, mail.sendingAccountId, mail.commonHeaders.subject,
                mail.tags."ses:configuration-set"[1], mail.tags."ses:source-ip"[1], mail.tags."ses:from-domain"[1], mail.tags."ses:outgoing-ip"[1],
                bounce.bounceType, bounce.bounceSubType, bounce.feedbackId, bounce."timestamp", bounce.reportingMTA,
                recipient.action, recipient.status, recipient.diagnosticCode, recipient.emailAddress
            FROM (
                SELECT mail, bounce, unnest(bounce.bouncedRecipients) AS recipient
                FROM {DuckDbJson.Read(partition.Objects(SesEventType.Bounce), Columns, ignoreErrors)}
            )
            {(conditions.Count > 0 ? "WHERE " + string.Join(" AND ", conditions) : string.Empty)}
            ORDER BY mail."timestamp", mail.messageId, recipient.emailAddress
            """;
        return new SqlStatement(text, parameters.Values);
    }

    public IEnumerable<BounceRecord> Read(DbDataReader reader, StorePartition partition)
    {
        while (reader.Read())
        {
            yield return new BounceRecord(
                partition.Identity,
                partition.Day,
                MessageId: Text(reader, 0),
                SendTime: Time(Text(reader, 1)),
                Source: Text(reader, 2),
                SendingAccountId: Text(reader, 3),
                Subject: Text(reader, 4),
                ConfigurationSet: Text(reader, 5),
                SourceIp: Text(reader, 6),
                FromDomain: Text(reader, 7),
                OutgoingIp: Text(reader, 8),
                BounceType: Text(reader, 9),
                BounceSubType: Text(reader, 10),
                FeedbackId: Text(reader, 11),
                BounceTime: Time(Text(reader, 12)),
                ReportingMta: Text(reader, 13),
                Action: Text(reader, 14),
                Status: Text(reader, 15),
                DiagnosticCode: Text(reader, 16),
                EmailAddress: Text(reader, 17));
        }
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Time(string? text) => SesTimestamp.TryParse(text, out DateTimeOffset time) ? time : null;
}
