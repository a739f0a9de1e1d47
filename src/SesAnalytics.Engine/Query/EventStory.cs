using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// The events of one recipient or message in the order they happened, whichever partitions they lie in: a Delivery
/// just after midnight lies in the next day's partition, and another identity's partition is read after this one's.
/// Both engines' events are ordered alike: by time, message id, event type and identity, ties kept as read.
/// </summary>
public static class EventStory
{
    public static IEnumerable<SesEvent> InTimeOrder(IEnumerable<SesEvent> events) =>
        events
            .OrderBy(e => e.Timestamp)
            .ThenBy(e => e.MessageId, StringComparer.Ordinal)
            .ThenBy(e => e.EventType.WireName(), StringComparer.Ordinal)
            .ThenBy(e => e.Identity, StringComparer.Ordinal);
}
