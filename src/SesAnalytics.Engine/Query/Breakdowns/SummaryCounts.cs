using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Query.Breakdowns;

/// <summary>
/// One row of a grouped count as <see cref="EventCounts"/>: the statements of both engines give, per event type, the
/// events, their recipients, the permanent ones and their recipients; the type says which of these a rate needs.
/// </summary>
internal static class SummaryCounts
{
    public static EventCounts Of(SesEventType type, long events, long recipients, long permanentEvents, long permanentRecipients) => new()
    {
        Events = new Dictionary<SesEventType, long> { [type] = events },
        SentRecipients = type == SesEventType.Send ? recipients : 0,
        HardBounces = type == SesEventType.Bounce ? permanentEvents : 0,
        HardBouncedRecipients = type == SesEventType.Bounce ? permanentRecipients : 0,
        ComplainedRecipients = type == SesEventType.Complaint ? recipients : 0,
    };
}
