using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// The order of events within one identity and day, the same in DuckDB and Athena: by the event's time as SES wrote
/// it (the type's own <c>timestamp</c>, else <c>mail.timestamp</c>, as <see cref="Partitioning.EventTime"/> reads it),
/// then by message id and event type (a bounce and its complaint can share both). Each dialect gives the SQL that
/// extracts a JSON path from the record.
/// </summary>
internal static class EventOrder
{
    /// <summary>JSON paths of the time, the first present one wins: a record holds only its own type's object.</summary>
    private static readonly IReadOnlyList<string> TimePaths =
    [
        .. SesEventTypes.All
            .Where(t => t.HasOwnTimestamp())
            .Select(t => $"$.{t.DetailMember()}.timestamp"),
        "$.mail.timestamp",
    ];

    public const string MessageIdPath = "$.mail.messageId";

    private const string EventTypePath = "$.eventType";

    /// <summary>The ORDER BY keys, given how a dialect extracts a text value at a JSON path.</summary>
    public static string Keys(Func<string, string> extract) =>
        $"coalesce({string.Join(", ", TimePaths.Select(extract))}), {extract(MessageIdPath)}, {extract(EventTypePath)}";
}
