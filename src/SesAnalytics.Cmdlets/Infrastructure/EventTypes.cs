using SesAnalytics.Engine.Events;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>The -EventType values (wire names, validated by ValidateSet) as the engine's enum.</summary>
internal static class EventTypes
{
    public static IReadOnlyList<SesEventType>? Parse(string[]? names) =>
        names?.Select(n => SesEventTypes.TryParse(n, out SesEventType type) ? type : throw new ArgumentException($"Unknown event type '{n}'.", nameof(names))).ToList();
}
