using SesAnalytics.Engine.Events;

namespace SesAnalytics;

/// <summary>An event destination of an SES configuration set, and where it publishes (Firehose only for ours).</summary>
public sealed record ConfigSetDestination(
    string ConfigurationSetName,
    string DestinationName,
    bool Enabled,
    IReadOnlyList<SesEventType> EventTypes,
    string? DeliveryStreamArn,
    string? IamRoleArn)
{
    public override string ToString() => $"{ConfigurationSetName}/{DestinationName}";
}
