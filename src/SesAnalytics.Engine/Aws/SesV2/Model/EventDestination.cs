namespace SesAnalytics.Engine.Aws.SesV2.Model;

/// <summary>An event destination as GetConfigurationSetEventDestinations returns it.</summary>
public sealed record EventDestination(string Name, IReadOnlyList<string> MatchingEventTypes)
{
    public bool Enabled { get; init; }

    public KinesisFirehoseDestination? KinesisFirehoseDestination { get; init; }
}
