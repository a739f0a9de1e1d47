using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Query.Engagement;

/// <summary>
/// The expressions both engines need, written once per dialect side by side so they agree: an event's time in epoch
/// milliseconds, the key that makes one open or click one event, a recipient's key (the address, lower-case, without a
/// display name) and a click's link tags as flat text. Field names are the engine's constants, never user input.
/// </summary>
internal static class EngagementSql
{
    public const string Delivery = "'Delivery'";
    public const string Open = "'Open'";
    public const string Click = "'Click'";

    /// <summary>The angle-bracketed address of <c>"Name" &lt;user@example.com&gt;</c>; a bare address has none.</summary>
    private const string AddressPattern = "'<([^<>]+)>'";

    /// <summary>Joins the parts of a key: a control character no address, link or time holds.</summary>
    private const string Separator = " || chr(31) || ";

    /// <summary>The fields of each kind of event, in DuckDB's (JSON) case and in Athena's (table) case.</summary>
    public static readonly Dialect DuckDb = new(
        MessageId: "mail.messageId",
        Destination: "mail.destination",
        DeliveryRecipients: "delivery.recipients",
        DeliveryTime: "delivery.\"timestamp\"",
        OpenFields: ["\"open\".\"timestamp\"", "\"open\".ipAddress", "\"open\".userAgent"],
        ClickFields: ["click.\"timestamp\"", "click.ipAddress", "click.userAgent", "click.link"],
        Link: "click.link",
        LinkTagsMap: "click.linkTags",
        Milliseconds: time => $"epoch_ms(TRY_CAST({time} AS TIMESTAMPTZ))",
        RegexpFirstGroup: (text, pattern) => $"nullif(regexp_extract({text}, {pattern}, 1), '')",
        LinkTagsText: map => $"array_to_string(list_sort(list_transform(map_keys({map}), k -> lower(k) || '=' || array_to_string({map}[k], ','))), '; ')");

    public static readonly Dialect Athena = new(
        MessageId: "mail.messageid",
        Destination: "mail.destination",
        DeliveryRecipients: "delivery.recipients",
        DeliveryTime: "delivery.\"timestamp\"",
        OpenFields: ["\"open\".\"timestamp\"", "\"open\".ipaddress", "\"open\".useragent"],
        ClickFields: ["click.\"timestamp\"", "click.ipaddress", "click.useragent", "click.link"],
        Link: "click.link",
        LinkTagsMap: "click.linktags",
        Milliseconds: time => $"CAST(round(to_unixtime(try(from_iso8601_timestamp({time}))) * 1000) AS bigint)",
        RegexpFirstGroup: (text, pattern) => $"nullif(regexp_extract({text}, {pattern}, 1), '')",
        LinkTagsText: map => $"array_join(array_sort(transform(map_keys({map}), k -> lower(k) || '=' || array_join(element_at({map}, k), ','))), '; ')");

    /// <summary>
    /// The counts of <see cref="EngagementCounts"/>, in its order, over rows with <c>kind</c>, <c>event</c>,
    /// <c>proxy</c>, <c>mail</c> and <c>recipient</c>. <c>count(DISTINCT CASE …)</c> rather than FILTER: both engines run it alike.
    /// </summary>
    public static IReadOnlyList<string> Counts(Dialect dialect)
    {
        string pair = Pair(dialect);
        return
        [
            Distinct(pair, $"kind = {Delivery}"),
            Distinct(pair, $"kind = {Open} AND NOT proxy"),
            Distinct(pair, $"kind = {Open}"),
            Distinct(pair, $"kind = {Click}"),
            Distinct("event", $"kind = {Open} AND NOT proxy"),
            Distinct("event", $"kind = {Open}"),
            Distinct("event", $"kind = {Click}"),
            Distinct("event", $"kind = {Open} AND proxy"),
        ];
    }

    /// <summary>
    /// Each key's value as a column <c>group_1</c>, <c>group_2</c>…, computed once where the recipient is known and
    /// grouped by name: a key can hold a bound value (a tag name), which a GROUP BY of the expression would not see.
    /// </summary>
    internal static string GroupColumns(GroupBy grouping, Func<GroupKey, string> sql) =>
        string.Join(", ", grouping.Keys.Select((k, i) => $"{sql(k)} AS group_{i + 1}"));

    internal static string GroupNames(GroupBy grouping) => string.Join(", ", grouping.Keys.Select((_, i) => $"group_{i + 1}"));

    /// <summary>A recipient of a message: the message id and the address, so one address of two messages is two.</summary>
    public static string Pair(Dialect dialect) => dialect.MessageId + Separator + RecipientKey(dialect, "recipient");

    public static string OpenKey(Dialect dialect) => EventKey(dialect, dialect.OpenFields);

    public static string ClickKey(Dialect dialect) => EventKey(dialect, dialect.ClickFields);

    private static string RecipientKey(Dialect dialect, string recipient) =>
        $"lower(trim(coalesce({dialect.RegexpFirstGroup(recipient, AddressPattern)}, {recipient})))";

    /// <summary>
    /// One open or click: its message, time, client address and agent (and link). A record Firehose delivered twice
    /// is one event, as it should be.
    /// </summary>
    private static string EventKey(Dialect dialect, IEnumerable<string> fields) =>
        dialect.MessageId + Separator + string.Join(Separator, fields.Select(f => $"coalesce({f}, '')"));

    private static string Distinct(string value, string condition) => $"count(DISTINCT CASE WHEN {condition} THEN {value} END)";

    internal sealed record Dialect(
        string MessageId,
        string Destination,
        string DeliveryRecipients,
        string DeliveryTime,
        IReadOnlyList<string> OpenFields,
        IReadOnlyList<string> ClickFields,
        string Link,
        string LinkTagsMap,
        Func<string, string> Milliseconds,
        Func<string, string, string> RegexpFirstGroup,
        Func<string, string> LinkTagsText)
    {
        public string OpenTime => OpenFields[0];

        public string ClickTime => ClickFields[0];
    }
}
