using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Query.Failures;

/// <summary>
/// Where each failure kind keeps its recipients, type, subtype, code and status, in DuckDB (over store objects) and
/// Athena (over the table, field names lower-case), side by side so both engines read the same values.
/// </summary>
internal static class FailureSql
{
    public const string Domain = "domain";

    private static readonly string BlankAddresses = "'" + DiagnosticCode.AddressPattern.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The SQL of one kind's values, over an unnested <c>recipient</c>.</summary>
    public sealed record Shape(string Recipients, string Address, string? Type, string? SubType, string Code, string? Status, string Event);

    /// <summary>The kind's values (DuckDB); declares the fields they read.</summary>
    public static Shape DuckDb(FailureKind kind, DuckDbColumns columns)
    {
        switch (kind)
        {
            case FailureKind.Bounce:
                columns.Add("bounce.bounceType", "VARCHAR").Add("bounce.bounceSubType", "VARCHAR").Add("bounce.timestamp", "VARCHAR")
                    .Add("bounce.bouncedRecipients[].emailAddress", "VARCHAR").Add("bounce.bouncedRecipients[].status", "VARCHAR")
                    .Add("bounce.bouncedRecipients[].diagnosticCode", "VARCHAR");
                return new Shape(
                    "bounce.bouncedRecipients", "recipient.emailAddress", "bounce.bounceType", "bounce.bounceSubType",
                    $"regexp_replace(recipient.diagnosticCode, {BlankAddresses}, ' ', 'g')", "recipient.status",
                    "concat_ws('|', mail.messageId, bounce.\"timestamp\")");
            case FailureKind.DeliveryDelay:
                columns.Add("deliveryDelay.delayType", "VARCHAR").Add("deliveryDelay.timestamp", "VARCHAR")
                    .Add("deliveryDelay.delayedRecipients[].emailAddress", "VARCHAR").Add("deliveryDelay.delayedRecipients[].status", "VARCHAR")
                    .Add("deliveryDelay.delayedRecipients[].diagnosticCode", "VARCHAR");
                return new Shape(
                    "deliveryDelay.delayedRecipients", "recipient.emailAddress", "deliveryDelay.delayType", "NULL",
                    $"regexp_replace(recipient.diagnosticCode, {BlankAddresses}, ' ', 'g')", "recipient.status",
                    "concat_ws('|', mail.messageId, deliveryDelay.\"timestamp\")");
            case FailureKind.Reject:
                columns.Add("mail.destination", "VARCHAR[]").Add("reject.reason", "VARCHAR");
                return new Shape("mail.destination", "recipient", "NULL", "NULL", "reject.reason", "NULL", "mail.messageId");
            default:
                columns.Add("mail.destination", "VARCHAR[]").Add("failure.templateName", "VARCHAR").Add("failure.errorMessage", "VARCHAR");
                return new Shape(
                    "mail.destination", "recipient", "NULL", "NULL", "concat_ws(': ', failure.templateName, failure.errorMessage)", "NULL", "mail.messageId");
        }
    }

    /// <summary>The kind's values (Athena), over <c>CROSS JOIN UNNEST(Recipients) AS r (...)</c> with <see cref="AthenaRecipientColumns"/>.</summary>
    public static Shape Athena(FailureKind kind) => kind switch
    {
        FailureKind.Bounce => new Shape(
            "bounce.bouncedrecipients", "r.emailaddress", "bounce.bouncetype", "bounce.bouncesubtype",
            $"regexp_replace(r.diagnosticcode, {BlankAddresses}, ' ')", "r.status", "concat_ws('|', mail.messageid, bounce.\"timestamp\")"),
        FailureKind.DeliveryDelay => new Shape(
            "deliverydelay.delayedrecipients", "r.emailaddress", "deliverydelay.delaytype", "CAST(NULL AS varchar)",
            $"regexp_replace(r.diagnosticcode, {BlankAddresses}, ' ')", "r.status", "concat_ws('|', mail.messageid, deliverydelay.\"timestamp\")"),
        FailureKind.Reject => new Shape(
            "mail.destination", "r.emailaddress", "CAST(NULL AS varchar)", "CAST(NULL AS varchar)", "reject.reason", "CAST(NULL AS varchar)", "mail.messageid"),
        _ => new Shape(
            "mail.destination", "r.emailaddress", "CAST(NULL AS varchar)", "CAST(NULL AS varchar)",
            "concat_ws(': ', failure.templatename, failure.errormessage)", "CAST(NULL AS varchar)", "mail.messageid"),
    };

    /// <summary>The names Trino gives the fields of an unnested array of rows, in the table's field order.</summary>
    public static string AthenaRecipientColumns(FailureKind kind) => kind switch
    {
        FailureKind.Bounce => "r (emailaddress, action, status, diagnosticcode)",
        FailureKind.DeliveryDelay => "r (emailaddress, status, diagnosticcode)",
        _ => "r (emailaddress)",
    };
}
