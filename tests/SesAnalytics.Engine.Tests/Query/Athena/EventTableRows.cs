using System.Globalization;
using System.Text.Json.Nodes;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Tests.Query.Athena;

/// <summary>
/// What Athena would return for the generated queries over the stack's table, computed from event JSON: JSON keys
/// matched without case (as the OpenX SerDe does), tags read from the <c>mail.tags</c> map, the partition columns
/// from where the event lies. It mimics the table's columns and the queries' semantics to prove the row mapping; it is
/// not Athena.
/// </summary>
internal static class EventTableRows
{
    public static readonly string[] BounceColumns =
    [
        "sender_identity", "day", "messageid", "timestamp", "source", "sendingaccountid", "subject", "_col7", "_col8", "_col9", "_col10",
        "bouncetype", "bouncesubtype", "feedbackid", "timestamp", "reportingmta", "action", "status", "diagnosticcode", "emailaddress",
    ];

    public static readonly string[] SummaryColumns = ["sender_identity", "day", "event_type", "_col3", "_col4", "_col5", "_col6", "_col7"];

    public static string[] Varchars(int count) => Enumerable.Repeat("varchar", count).ToArray();

    public static IEnumerable<IReadOnlyList<string?>> Bounces(IEnumerable<StoredEvent> events) =>
        events
            .Where(e => e.Type == SesEventType.Bounce)
            .SelectMany(e => Items(Field(e.Json, "bounce", "bouncedRecipients")).Select(r => BounceRow(e, r)))
            .OrderBy(r => r[1], StringComparer.Ordinal)
            .ThenBy(r => r[0], StringComparer.Ordinal)
            .ThenBy(r => r[3], StringComparer.Ordinal)
            .ThenBy(r => r[2], StringComparer.Ordinal)
            .ThenBy(r => r[19], StringComparer.Ordinal)
            .ToList();

    public static readonly string[] EventColumns = ["sender_identity", "day", "line"];

    /// <summary>The lines table's rows: each event's line as written, by day, identity, event time, message id and type.</summary>
    public static IEnumerable<IReadOnlyList<string?>> Events(IEnumerable<StoredEvent> events, Func<StoredEvent, bool>? where = null) =>
        events
            .Where(where ?? (_ => true))
            .OrderBy(e => DayText(e.Day), StringComparer.Ordinal)
            .ThenBy(e => e.Identity, StringComparer.Ordinal)
            .ThenBy(e => Text(e.Json, e.Type.DetailMember(), "timestamp") ?? Text(e.Json, "mail", "timestamp"), StringComparer.Ordinal)
            .ThenBy(e => Text(e.Json, "mail", "messageId"), StringComparer.Ordinal)
            .ThenBy(e => Text(e.Json, "eventType"), StringComparer.Ordinal)
            .Select(e => (IReadOnlyList<string?>)[e.Identity, DayText(e.Day), e.Json.ToJsonString()])
            .ToList();

    public static IEnumerable<IReadOnlyList<string?>> Summary(IEnumerable<StoredEvent> events) =>
        events
            .GroupBy(e => (Day: DayText(e.Day), e.Identity, Type: e.Type.WireName()))
            .OrderBy(g => g.Key.Day, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Identity, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Type, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<string?>)
            [
                g.Key.Identity,
                g.Key.Day,
                g.Key.Type,
                Number(g.Count()),
                Number(g.Sum(e => Items(Field(e.Json, "mail", "destination")).Count())),
                Number(g.Count(Permanent)),
                Number(g.Where(Permanent).Sum(e => Items(Field(e.Json, "bounce", "bouncedRecipients")).Count())),
                Number(g.Sum(e => Items(Field(e.Json, "complaint", "complainedRecipients")).Count())),
            ])
            .ToList();

    private static IReadOnlyList<string?> BounceRow(StoredEvent e, JsonNode? recipient) =>
    [
        e.Identity,
        DayText(e.Day),
        Text(e.Json, "mail", "messageId"),
        Text(e.Json, "mail", "timestamp"),
        Text(e.Json, "mail", "source"),
        Text(e.Json, "mail", "sendingAccountId"),
        Text(e.Json, "mail", "commonHeaders", "subject"),
        FirstTag(e.Json, "ses:configuration-set"),
        FirstTag(e.Json, "ses:source-ip"),
        FirstTag(e.Json, "ses:from-domain"),
        FirstTag(e.Json, "ses:outgoing-ip"),
        Text(e.Json, "bounce", "bounceType"),
        Text(e.Json, "bounce", "bounceSubType"),
        Text(e.Json, "bounce", "feedbackId"),
        Text(e.Json, "bounce", "timestamp"),
        Text(e.Json, "bounce", "reportingMTA"),
        Text(recipient, "action"),
        Text(recipient, "status"),
        Text(recipient, "diagnosticCode"),
        Text(recipient, "emailAddress"),
    ];

    private static bool Permanent(StoredEvent e) => Text(e.Json, "bounce", "bounceType") == "Permanent";

    private static string? FirstTag(JsonNode json, string tag) => Items(Field(json, "mail", "tags", tag)).FirstOrDefault()?.GetValue<string>();

    private static string DayText(DateOnly day) => day.ToString(FirehoseLayout.DayFormat, CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<JsonNode?> Items(JsonNode? node) => node is JsonArray array ? array : [];

    private static string? Text(JsonNode? node, params string[] path) => Field(node, path) is JsonValue value ? value.ToString() : null;

    private static JsonNode? Field(JsonNode? node, params string[] path)
    {
        foreach (string name in path)
        {
            node = node is JsonObject obj ? obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value : null;
        }

        return node;
    }
}

/// <summary>An event and the partition it lies in.</summary>
internal sealed record StoredEvent(string Identity, DateOnly Day, SesEventType Type, JsonNode Json);
