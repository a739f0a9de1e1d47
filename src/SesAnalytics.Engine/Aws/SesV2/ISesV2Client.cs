using SesAnalytics.Engine.Aws.SesV2.Model;

namespace SesAnalytics.Engine.Aws.SesV2;

/// <summary>
/// The Amazon SES v2 operations SesAnalytics uses; an official client can stand behind it one day. A name that is
/// taken fails with <see cref="Errors.ErrorKind.ResourceExists"/> and a missing one with
/// <see cref="Errors.ErrorKind.ObjectNotFound"/>, so a caller can create or update idempotently.
/// </summary>
public interface ISesV2Client
{
    Task CreateConfigurationSetAsync(ConfigurationSet configurationSet, CancellationToken cancellationToken);

    Task<ConfigurationSet> GetConfigurationSetAsync(string configurationSetName, CancellationToken cancellationToken);

    Task CreateConfigurationSetEventDestinationAsync(
        string configurationSetName, string eventDestinationName, EventDestinationDefinition definition, CancellationToken cancellationToken);

    Task UpdateConfigurationSetEventDestinationAsync(
        string configurationSetName, string eventDestinationName, EventDestinationDefinition definition, CancellationToken cancellationToken);

    Task<IReadOnlyList<EventDestination>> GetConfigurationSetEventDestinationsAsync(string configurationSetName, CancellationToken cancellationToken);

    Task DeleteConfigurationSetEventDestinationAsync(string configurationSetName, string eventDestinationName, CancellationToken cancellationToken);

    Task<EmailIdentity> GetEmailIdentityAsync(string emailIdentity, CancellationToken cancellationToken);

    /// <summary>Sets (or, with null, clears) the identity's default configuration set.</summary>
    Task PutEmailIdentityConfigurationSetAttributesAsync(string emailIdentity, string? configurationSetName, CancellationToken cancellationToken);

    /// <summary>Sends one message and returns its message id. Never retried after the server may have acted (only on throttling).</summary>
    Task<string> SendEmailAsync(SendEmailRequest request, CancellationToken cancellationToken);
}
