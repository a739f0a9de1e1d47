using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.SesV2;
using SesAnalytics.Engine.Deployment;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Events;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Sends an SES configuration set's events to the stack's delivery stream; creates the set when it is absent.</summary>
[Cmdlet(VerbsCommon.Set, "SesConfigSetDestination", SupportsShouldProcess = true, DefaultParameterSetName = ByArnSet, HelpUri = OnlineHelp.Docs + "Set-SesConfigSetDestination.md")]
[OutputType("SesAnalytics.ConfigSetDestination")]
public sealed class SetSesConfigSetDestinationCommand : AwsCmdlet
{
    private const string ByArnSet = "ByArn";
    private const string ByStackSet = "ByStack";

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string ConfigurationSetName { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = ByStackSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string StackName { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = ByArnSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string DeliveryStreamArn { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = ByArnSet, ValueFromPipelineByPropertyName = true)]
    [Alias("SesRoleArn")]
    [ValidateNotNullOrEmpty]
    public string IamRoleArn { get; set; } = string.Empty;

    [Parameter]
    [SesEventTypeArgument]
    [ArgumentCompleter(typeof(SesEventTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] EventType { get; set; } = [.. SesEventTypes.All.Select(type => type.WireName())];

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string DestinationName { get; set; } = DestinationWiring.DefaultDestinationName;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] DefaultForIdentity { get; set; } = [];

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        (string streamArn, string roleArn) = ParameterSetName == ByStackSet
            ? await FromStackAsync(cancellationToken).ConfigureAwait(false)
            : (DeliveryStreamArn, IamRoleArn);
        if (!await ShouldProcessAsync(ConfigurationSetName, $"Send {EventType.Length} event types to {streamArn} through '{DestinationName}'").ConfigureAwait(false))
        {
            return;
        }

        using var http = new AwsHttpClient(ClientOptions(AwsService.SesV2));
        var wiring = new DestinationWiring(ConfigurationSetName, streamArn, roleArn)
        {
            DestinationName = DestinationName,
            EventTypes = SesEventTypeArgumentAttribute.ToTypes(EventType)!,
            DefaultForIdentities = DefaultForIdentity,
        };
        Emit(await new ConfigSetWirer(new SesV2Client(http), Sink).WireAsync(wiring, cancellationToken).ConfigureAwait(false));
    }

    private async Task<(string StreamArn, string RoleArn)> FromStackAsync(CancellationToken cancellationToken)
    {
        SesAnalyticsStack stack = await GetStackAsync(StackName, cancellationToken).ConfigureAwait(false);
        if (stack.DeliveryStreamArn is null || stack.SesRoleArn is null)
        {
            throw stack.MissingOutputs("DeliveryStreamArn or SesRoleArn", "-DeliveryStreamArn and -IamRoleArn");
        }

        return (stack.DeliveryStreamArn, stack.SesRoleArn);
    }
}
