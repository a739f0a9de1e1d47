using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Deployment;

/// <summary>What Set-SesConfigSetDestination wires: which configuration set publishes which events to which stream.</summary>
public sealed record DestinationWiring(string ConfigurationSetName, string DeliveryStreamArn, string IamRoleArn)
{
    public const string DefaultDestinationName = "sesanalytics-firehose";

    public string DestinationName { get; init; } = DefaultDestinationName;

    public IReadOnlyList<SesEventType> EventTypes { get; init; } = SesEventTypes.All;

    /// <summary>Identities that should use the configuration set when a sender names none.</summary>
    public IReadOnlyList<string> DefaultForIdentities { get; init; } = [];
}
