using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Aws.SesV2.Model;

/// <summary>What an event destination publishes and where; <see cref="MatchingEventTypes"/> holds the API's names.</summary>
public sealed record EventDestinationDefinition
{
    public bool? Enabled { get; init; }

    public IReadOnlyList<string>? MatchingEventTypes { get; init; }

    public KinesisFirehoseDestination? KinesisFirehoseDestination { get; init; }

    public static EventDestinationDefinition ToFirehose(IEnumerable<SesEventType> eventTypes, KinesisFirehoseDestination destination, bool enabled = true) => new()
    {
        Enabled = enabled,
        MatchingEventTypes = eventTypes.Distinct().Select(SesV2EventTypes.ApiName).ToList(),
        KinesisFirehoseDestination = destination,
    };
}
