namespace SesAnalytics.Engine.Stack;

/// <summary>
/// The Glue columns of the SES event table: every field AWS documents for the ten event types, in Hive type syntax.
/// Names are lowercase because the OpenX SerDe matches JSON keys without case. <c>mail.tags</c> is a map of every tag,
/// SES's <c>ses:*</c> ones and the sender's own, so any tag can be read (and grouped by) by name; the SerDe lower-cases
/// its keys.
/// </summary>
public static class EventTableSchema
{
    public const string SerDe = "org.openx.data.jsonserde.JsonSerDe";
    public const string InputFormat = "org.apache.hadoop.mapred.TextInputFormat";
    public const string OutputFormat = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";

    /// <summary>The SerDe of the lines table: delimited text, read as one column.</summary>
    public const string LinesSerDe = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";

    /// <summary>The lines table's one column: an event record as SES wrote it.</summary>
    public const string LineColumn = "line";

    /// <summary>Appended to the event table's name to name the lines table over the same objects.</summary>
    public const string LinesTableSuffix = "_lines";

    /// <summary>The longest event table name whose lines table is still a valid Glue name (255 characters).</summary>
    public static int MaxTableNameLength => 255 - LinesTableSuffix.Length;

    public static string LinesTableName(string tableName) => tableName + LinesTableSuffix;

    public static IReadOnlyList<KeyValuePair<string, string>> Columns { get; } =
    [
        new("eventtype", "string"),
        new("mail", Struct(
            ("timestamp", "string"),
            ("source", "string"),
            ("sourcearn", "string"),
            ("sendingaccountid", "string"),
            ("messageid", "string"),
            ("destination", "array<string>"),
            ("headerstruncated", "boolean"),
            ("headers", "array<" + Struct(("name", "string"), ("value", "string")) + ">"),
            ("commonheaders", Struct(
                ("from", "array<string>"),
                ("to", "array<string>"),
                ("cc", "array<string>"),
                ("bcc", "array<string>"),
                ("replyto", "array<string>"),
                ("returnpath", "string"),
                ("messageid", "string"),
                ("date", "string"),
                ("subject", "string"))),
            ("tags", "map<string,array<string>>"))),
        new("bounce", Struct(
            ("bouncetype", "string"),
            ("bouncesubtype", "string"),
            ("bouncedrecipients", "array<" + Struct(("emailaddress", "string"), ("action", "string"), ("status", "string"), ("diagnosticcode", "string")) + ">"),
            ("timestamp", "string"),
            ("feedbackid", "string"),
            ("reportingmta", "string"),
            ("remotemtaip", "string"))),
        new("complaint", Struct(
            ("complainedrecipients", "array<" + Struct(("emailaddress", "string")) + ">"),
            ("timestamp", "string"),
            ("feedbackid", "string"),
            ("useragent", "string"),
            ("complaintfeedbacktype", "string"),
            ("complaintsubtype", "string"),
            ("arrivaldate", "string"))),
        new("delivery", Struct(
            ("timestamp", "string"),
            ("processingtimemillis", "bigint"),
            ("recipients", "array<string>"),
            ("smtpresponse", "string"),
            ("reportingmta", "string"),
            ("remotemtaip", "string"))),
        // SES writes "send": {} and Hive has no empty struct.
        new("send", "map<string,string>"),
        new("reject", Struct(("reason", "string"))),
        new("open", Struct(("ipaddress", "string"), ("timestamp", "string"), ("useragent", "string"))),
        new("click", Struct(
            ("ipaddress", "string"),
            ("link", "string"),
            ("linktags", "map<string,array<string>>"),
            ("timestamp", "string"),
            ("useragent", "string"))),
        new("failure", Struct(("templatename", "string"), ("errormessage", "string"))),
        new("deliverydelay", Struct(
            ("timestamp", "string"),
            ("delaytype", "string"),
            ("expirationtime", "string"),
            ("reportingmta", "string"),
            ("delayedrecipients", "array<" + Struct(("emailaddress", "string"), ("status", "string"), ("diagnosticcode", "string")) + ">"))),
        new("subscription", Struct(
            ("contactlist", "string"),
            ("timestamp", "string"),
            ("source", "string"),
            ("newtopicpreferences", TopicPreferences()),
            ("oldtopicpreferences", TopicPreferences()))),
    ];

    /// <summary>The partition keys, in the order of the S3 prefix.</summary>
    public static IReadOnlyList<string> PartitionKeys { get; } = ["sender_identity", "event_type", "day"];

    private static string TopicPreferences() => Struct(
        ("unsubscribeall", "boolean"),
        ("topicsubscriptionstatus", "array<" + Struct(("topicname", "string"), ("subscriptionstatus", "string")) + ">"));

    private static string Struct(params (string Name, string Type)[] fields) =>
        "struct<" + string.Join(",", fields.Select(f => f.Name + ":" + f.Type)) + ">";
}
