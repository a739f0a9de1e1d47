using SesAnalytics.Engine.Aws.SesV2;
using SesAnalytics.Engine.Aws.SesV2.Model;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Tests.Deployment;

/// <summary>SES v2 in memory, failing as the real client does: ObjectNotFound for a missing name, ResourceExists for a taken one.</summary>
internal sealed class FakeSesV2 : ISesV2Client
{
    public List<string> Calls { get; } = [];

    public HashSet<string> ConfigurationSets { get; } = [];

    public Dictionary<string, EventDestinationDefinition> Destinations { get; } = [];

    public Dictionary<string, bool> Identities { get; } = [];

    public Dictionary<string, string?> Defaults { get; } = [];

    public Task CreateConfigurationSetAsync(ConfigurationSet configurationSet, CancellationToken cancellationToken)
    {
        Calls.Add("CreateConfigurationSet");
        return ConfigurationSets.Add(configurationSet.ConfigurationSetName) ? Task.CompletedTask : throw Exists(configurationSet.ConfigurationSetName);
    }

    public Task<ConfigurationSet> GetConfigurationSetAsync(string configurationSetName, CancellationToken cancellationToken) =>
        ConfigurationSets.Contains(configurationSetName) ? Task.FromResult(new ConfigurationSet(configurationSetName)) : throw NotFound(configurationSetName);

    public Task CreateConfigurationSetEventDestinationAsync(string configurationSetName, string eventDestinationName, EventDestinationDefinition definition, CancellationToken cancellationToken)
    {
        Calls.Add("CreateDestination");
        return Destinations.TryAdd(eventDestinationName, definition) ? Task.CompletedTask : throw Exists(eventDestinationName);
    }

    public Task UpdateConfigurationSetEventDestinationAsync(string configurationSetName, string eventDestinationName, EventDestinationDefinition definition, CancellationToken cancellationToken)
    {
        Calls.Add("UpdateDestination");
        Destinations[eventDestinationName] = definition;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<EventDestination>> GetConfigurationSetEventDestinationsAsync(string configurationSetName, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EventDestination>>(Destinations
            .Select(d => new EventDestination(d.Key, d.Value.MatchingEventTypes ?? []) { Enabled = d.Value.Enabled ?? false, KinesisFirehoseDestination = d.Value.KinesisFirehoseDestination })
            .ToList());

    public Task DeleteConfigurationSetEventDestinationAsync(string configurationSetName, string eventDestinationName, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<EmailIdentity> GetEmailIdentityAsync(string emailIdentity, CancellationToken cancellationToken) =>
        Identities.TryGetValue(emailIdentity, out bool verified)
            ? Task.FromResult(new EmailIdentity { VerifiedForSendingStatus = verified, VerificationStatus = verified ? "SUCCESS" : "PENDING" })
            : throw NotFound(emailIdentity);

    public Task PutEmailIdentityConfigurationSetAttributesAsync(string emailIdentity, string? configurationSetName, CancellationToken cancellationToken)
    {
        Defaults[emailIdentity] = configurationSetName;
        return Task.CompletedTask;
    }

    public Task<string> SendEmailAsync(SendEmailRequest request, CancellationToken cancellationToken)
    {
        Calls.Add($"SendEmail {request.Destination.ToAddresses[0]} {request.ConfigurationSetName} {request.Content.Simple.Subject.Data}");
        return Task.FromResult($"m-{Calls.Count}");
    }

    private static SesAnalyticsException NotFound(string name) => new("SesResourceNotFound", ErrorKind.ObjectNotFound, $"'{name}' does not exist.", name);

    private static SesAnalyticsException Exists(string name) => new("SesResourceAlreadyExists", ErrorKind.ResourceExists, $"'{name}' already exists.", name);
}
