using SesAnalytics.Engine.Aws.SesV2;
using SesAnalytics.Engine.Aws.SesV2.Model;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Deployment;

/// <summary>
/// Connects an SES configuration set to the stack's delivery stream: creates the set when absent, creates or updates
/// the Firehose event destination, and makes the set the default of the identities named. Running it twice is harmless.
/// </summary>
public sealed class ConfigSetWirer
{
    private readonly ISesV2Client _ses;
    private readonly IOutputSink _sink;

    public ConfigSetWirer(ISesV2Client ses, IOutputSink sink)
    {
        _ses = ses;
        _sink = sink;
    }

    public async Task<ConfigSetDestination> WireAsync(DestinationWiring wiring, CancellationToken cancellationToken)
    {
        await EnsureConfigurationSetAsync(wiring.ConfigurationSetName, cancellationToken).ConfigureAwait(false);
        EventDestinationDefinition definition = EventDestinationDefinition.ToFirehose(
            wiring.EventTypes, new KinesisFirehoseDestination(wiring.IamRoleArn, wiring.DeliveryStreamArn));
        IReadOnlyList<EventDestination> existing = await _ses.GetConfigurationSetEventDestinationsAsync(wiring.ConfigurationSetName, cancellationToken).ConfigureAwait(false);
        if (existing.Any(d => d.Name == wiring.DestinationName))
        {
            await UpdateAsync(wiring, definition, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            try
            {
                await _ses.CreateConfigurationSetEventDestinationAsync(wiring.ConfigurationSetName, wiring.DestinationName, definition, cancellationToken).ConfigureAwait(false);
                _sink.Verbose($"Created the event destination '{wiring.DestinationName}' of '{wiring.ConfigurationSetName}'.");
            }
            catch (SesAnalyticsException error) when (error.Kind == ErrorKind.ResourceExists)
            {
                await UpdateAsync(wiring, definition, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (string identity in wiring.DefaultForIdentities)
        {
            await SetDefaultAsync(identity, wiring.ConfigurationSetName, cancellationToken).ConfigureAwait(false);
        }

        return new ConfigSetDestination(
            wiring.ConfigurationSetName, wiring.DestinationName, Enabled: true, wiring.EventTypes.Distinct().ToList(), wiring.DeliveryStreamArn, wiring.IamRoleArn);
    }

    public async Task<IReadOnlyList<ConfigSetDestination>> GetAsync(string configurationSetName, CancellationToken cancellationToken)
    {
        IReadOnlyList<EventDestination> destinations = await _ses.GetConfigurationSetEventDestinationsAsync(configurationSetName, cancellationToken).ConfigureAwait(false);
        return destinations.Select(d => new ConfigSetDestination(
                configurationSetName,
                d.Name,
                d.Enabled,
                d.MatchingEventTypes.Select(SesV2EventTypes.FromApiName).OfType<SesEventType>().ToList(),
                d.KinesisFirehoseDestination?.DeliveryStreamArn,
                d.KinesisFirehoseDestination?.IamRoleArn))
            .ToList();
    }

    private async Task UpdateAsync(DestinationWiring wiring, EventDestinationDefinition definition, CancellationToken cancellationToken)
    {
        await _ses.UpdateConfigurationSetEventDestinationAsync(wiring.ConfigurationSetName, wiring.DestinationName, definition, cancellationToken).ConfigureAwait(false);
        _sink.Verbose($"Updated the event destination '{wiring.DestinationName}' of '{wiring.ConfigurationSetName}'.");
    }

    private async Task EnsureConfigurationSetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await _ses.GetConfigurationSetAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (SesAnalyticsException error) when (error.Kind == ErrorKind.ObjectNotFound)
        {
            try
            {
                await _ses.CreateConfigurationSetAsync(new ConfigurationSet(name), cancellationToken).ConfigureAwait(false);
                _sink.Verbose($"Created the configuration set '{name}'.");
            }
            catch (SesAnalyticsException raced) when (raced.Kind == ErrorKind.ResourceExists)
            {
                _sink.Verbose($"The configuration set '{name}' appeared meanwhile; using it.");
            }
        }
    }

    private async Task SetDefaultAsync(string identity, string configurationSetName, CancellationToken cancellationToken)
    {
        EmailIdentity found;
        try
        {
            found = await _ses.GetEmailIdentityAsync(identity, cancellationToken).ConfigureAwait(false);
        }
        catch (SesAnalyticsException error) when (error.Kind == ErrorKind.ObjectNotFound)
        {
            _sink.Error(new SesAnalyticsException(
                "IdentityNotFound",
                ErrorKind.ObjectNotFound,
                $"The identity '{identity}' is not an SES identity of this account and region, so '{configurationSetName}' cannot be its default. " +
                "Create and verify it in SES first, or check the region.",
                identity,
                error));
            return;
        }

        if (!found.VerifiedForSendingStatus)
        {
            _sink.Error(new SesAnalyticsException(
                "IdentityNotVerified",
                ErrorKind.InvalidOperation,
                $"The identity '{identity}' is not verified (status {found.VerificationStatus ?? "unknown"}), so '{configurationSetName}' was not made its default. " +
                "Finish its verification in SES and run the command again.",
                identity));
            return;
        }

        await _ses.PutEmailIdentityConfigurationSetAttributesAsync(identity, configurationSetName, cancellationToken).ConfigureAwait(false);
        _sink.Verbose($"'{configurationSetName}' is now the default configuration set of '{identity}'.");
    }
}
