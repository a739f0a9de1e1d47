using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Aws.CloudFormation;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Deployment;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Deletes a SesAnalytics stack and waits until it is gone; the event bucket is kept and the warning says where.</summary>
[Cmdlet(VerbsCommon.Remove, "SesAnalyticsStack", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = OnlineHelp.Docs + "Remove-SesAnalyticsStack.md")]
[OutputType(typeof(void))]
public sealed class RemoveSesAnalyticsStackCommand : AwsCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string StackName { get; set; } = string.Empty;

    [Parameter]
    public SwitchParameter NoWait { get; set; }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        using var http = new AwsHttpClient(ClientOptions(AwsService.CloudFormation));
        var cloudFormation = new CloudFormationClient(http);
        SesAnalyticsStack stack;
        try
        {
            stack = await new StackCatalog(cloudFormation, Aws.Region).GetAsync(StackName, cancellationToken).ConfigureAwait(false);
        }
        catch (SesAnalyticsException error) when (error.ErrorId == "StackNotFound")
        {
            EmitError(error, StackName);
            return;
        }

        if (!await ShouldProcessAsync($"{StackName} in {Aws.Region}", "Delete the SesAnalytics stack").ConfigureAwait(false))
        {
            return;
        }

        if (stack.BucketName is { } bucket)
        {
            EmitWarning(
                $"The bucket '{bucket}' and its events are KEPT: the template retains it. The events stay in s3://{bucket}/partitioned/. " +
                $"To delete them by hand: aws s3 rm s3://{bucket} --recursive; then aws s3 rb s3://{bucket}.");
        }

        await new StackDeployer(cloudFormation, Aws.Region, Sink).RemoveAsync(stack, NoWait, cancellationToken).ConfigureAwait(false);
        EmitVerbose(NoWait ? $"CloudFormation is deleting the stack '{StackName}'." : $"The stack '{StackName}' is deleted.");
    }
}
