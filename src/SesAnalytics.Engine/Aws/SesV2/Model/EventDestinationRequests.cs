namespace SesAnalytics.Engine.Aws.SesV2.Model;

// The JSON bodies of the event-destination calls; the configuration set (and, on update, the destination) name is in the path.
internal sealed record CreateEventDestinationBody(string EventDestinationName, EventDestinationDefinition EventDestination);

internal sealed record UpdateEventDestinationBody(EventDestinationDefinition EventDestination);

internal sealed record EventDestinationsResponse(IReadOnlyList<EventDestination>? EventDestinations);

internal sealed record IdentityConfigurationSetBody(string? ConfigurationSetName);
