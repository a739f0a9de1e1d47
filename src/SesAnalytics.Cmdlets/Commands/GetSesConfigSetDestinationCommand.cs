using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.SesV2;
using SesAnalytics.Engine.Deployment;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>The event destinations of SES configuration sets: what is wired to where.</summary>
[Cmdlet(VerbsCommon.Get, "SesConfigSetDestination", HelpUri = OnlineHelp.Docs + "Get-SesConfigSetDestination.md")]
[OutputType("SesAnalytics.ConfigSetDestination")]
public sealed class GetSesConfigSetDestinationCommand : AwsCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] ConfigurationSetName { get; set; } = [];

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        using var http = new AwsHttpClient(ClientOptions(AwsService.SesV2));
        var wirer = new ConfigSetWirer(new SesV2Client(http), Sink);
        foreach (string name in ConfigurationSetName)
        {
            try
            {
                foreach (ConfigSetDestination destination in await wirer.GetAsync(name, cancellationToken).ConfigureAwait(false))
                {
                    Emit(destination);
                }
            }
            catch (SesAnalyticsException error) when (error.Kind == ErrorKind.ObjectNotFound)
            {
                EmitError(error, name);
            }
        }
    }
}
