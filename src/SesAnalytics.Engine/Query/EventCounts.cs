using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Query;

/// <summary>How many events of each type a partition (or a sum of partitions) holds, and the recipients the rates need.</summary>
public sealed record EventCounts
{
    public static EventCounts Zero { get; } = new();

    public IReadOnlyDictionary<SesEventType, long> Events { get; init; } = new Dictionary<SesEventType, long>();

    public long SentRecipients { get; init; }

    public long HardBounces { get; init; }

    public long HardBouncedRecipients { get; init; }

    public long ComplainedRecipients { get; init; }

    public long this[SesEventType type] => Events.GetValueOrDefault(type);

    public EventCounts Add(EventCounts other) => new()
    {
        Events = SesEventTypes.All.ToDictionary(t => t, t => this[t] + other[t]),
        SentRecipients = SentRecipients + other.SentRecipients,
        HardBounces = HardBounces + other.HardBounces,
        HardBouncedRecipients = HardBouncedRecipients + other.HardBouncedRecipients,
        ComplainedRecipients = ComplainedRecipients + other.ComplainedRecipients,
    };
}
