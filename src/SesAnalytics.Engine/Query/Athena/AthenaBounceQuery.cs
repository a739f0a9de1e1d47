using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Query.Athena;

/// <summary>
/// The bounce query of <see cref="BounceQuery"/> in Athena's SQL, over the stack's table: the same columns, order and
/// filters, so both give equal <see cref="BounceRecord"/>s. Column names are the table's lowercase ones.
/// </summary>
public static class AthenaBounceQuery
{
    public static AthenaStatement Render(EventQuery query, IReadOnlyList<string> identities, AthenaTarget target)
    {
        var parameters = new AthenaParameters();
        var conditions = new List<string> { AthenaPartitions.Condition(parameters, identities, [SesEventType.Bounce], query.Days) };
        if (query.BounceTypes.Count > 0)
        {
            conditions.Add($"bounce.bouncetype IN ({parameters.BindAll(query.BounceTypes)})");
        }

        if (query.Recipients.Count > 0)
        {
            IEnumerable<string> matches = query.Recipients.Select(r => Matches(new Wildcard(r), parameters));
            conditions.Add("(" + string.Join(" OR ", matches) + ")");
        }

        // Trino's UNNEST of an array of rows yields the row's fields as columns, named here in the table's field order.
        string text = $"""
            SELECT
                {AthenaPartitions.Identity}, {AthenaPartitions.Day},
                mail.messageid, mail."timestamp", mail.source, mail.sendingaccountid, mail.commonheaders.subject,
                {Tag(SesTags.ConfigurationSet)}, {Tag(SesTags.SourceIp)}, {Tag(SesTags.FromDomain)}, {Tag(SesTags.OutgoingIp)},
                bounce.bouncetype, bounce.bouncesubtype, bounce.feedbackid, bounce."timestamp", bounce.reportingmta,
                r.action, r.status, r.diagnosticcode, r.emailaddress
            FROM {target.QualifiedTable}
            CROSS JOIN UNNEST(bounce.bouncedrecipients) AS r (emailaddress, action, status, diagnosticcode)
            WHERE {string.Join("\n  AND ", conditions)}
            ORDER BY {AthenaPartitions.Day}, {AthenaPartitions.Identity}, mail."timestamp", mail.messageid, r.emailaddress
            """;
        return new AthenaStatement(text, parameters.Values);
    }

    public static BounceRecord Read(AthenaRow row)
    {
        var columns = new string?[BounceRecord.ColumnCount];
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = row[i + 2];
        }

        return BounceRecord.FromColumns(row[0] ?? string.Empty, AthenaPartitions.ParseDay(row[1]), columns);
    }

    /// <summary>The first value of one of SES's own tags: a constant of ours, so written as a literal.</summary>
    private static string Tag(string name) => $"element_at(element_at(mail.tags, '{name}'), 1)";

    /// <summary>LIKE where it can express the pattern, as <see cref="BounceQuery"/> does; a bracket set needs regexp_like.</summary>
    private static string Matches(Wildcard pattern, AthenaParameters parameters) =>
        pattern.HasSets
            ? $"regexp_like(r.emailaddress, {parameters.Bind(pattern.ToSqlRegex())})"
            : $"lower(r.emailaddress) LIKE lower({parameters.Bind(pattern.ToSqlLike())}) ESCAPE '\\'";
}
