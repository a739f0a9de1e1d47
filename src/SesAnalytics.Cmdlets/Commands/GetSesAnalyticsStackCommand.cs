using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Aws.CloudFormation;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Deployment;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>The SesAnalytics stacks: the ones named, or every stack tagged as managed by SesAnalytics.</summary>
[Cmdlet(VerbsCommon.Get, "SesAnalyticsStack", HelpUri = OnlineHelp.Docs + "Get-SesAnalyticsStack.md")]
[OutputType("SesAnalytics.SesAnalyticsStack")]
public sealed class GetSesAnalyticsStackCommand : AwsCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[]? StackName { get; set; }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        using var http = new AwsHttpClient(ClientOptions(AwsService.CloudFormation));
        var catalog = new StackCatalog(new CloudFormationClient(http), Aws.Region);
        if (StackName is null)
        {
            foreach (SesAnalyticsStack stack in await catalog.ListManagedAsync(cancellationToken).ConfigureAwait(false))
            {
                Emit(stack);
            }

            return;
        }

        foreach (string name in StackName)
        {
            try
            {
                Emit(await catalog.GetAsync(name, cancellationToken).ConfigureAwait(false));
            }
            catch (SesAnalyticsException error) when (error.ErrorId == "StackNotFound")
            {
                EmitError(error, name);
            }
        }
    }
}
