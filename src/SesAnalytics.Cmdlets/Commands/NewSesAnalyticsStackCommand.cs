using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Aws.CloudFormation;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Deployment;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Deploys the SesAnalytics stack: creates it, or updates it through a change set, and waits for it to settle.</summary>
[Cmdlet(VerbsCommon.New, "SesAnalyticsStack", SupportsShouldProcess = true, HelpUri = OnlineHelp.Docs + "New-SesAnalyticsStack.md")]
[OutputType("SesAnalytics.SesAnalyticsStack")]
public sealed class NewSesAnalyticsStackCommand : AwsCmdlet, IDynamicParameters
{
    private readonly TemplateParameters _template = new();
    private bool _whatIf;

    [Parameter(Mandatory = true, Position = 0)]
    [ValidatePattern("^[A-Za-z][A-Za-z0-9-]{0,127}$")]
    public string StackName { get; set; } = string.Empty;

    [Parameter]
    public SwitchParameter NoWait { get; set; }

    public object GetDynamicParameters() => _template;

    protected override void Prepare()
    {
        base.Prepare();
        // -WhatIf, or $WhatIfPreference when it is not given, as ShouldProcess itself decides.
        _whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? whatIf)
            ? whatIf is SwitchParameter { IsPresent: true }
            : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        var deployment = new StackDeployment(StackName, _template.ToOptions()) { NoWait = NoWait };
        using var http = new AwsHttpClient(ClientOptions(AwsService.CloudFormation));
        var deployer = new StackDeployer(new CloudFormationClient(http), Aws.Region, Sink);
        if (_whatIf)
        {
            foreach (PlannedChange change in await deployer.PreviewAsync(deployment, cancellationToken).ConfigureAwait(false))
            {
                EmitVerbose(change.ToString());
                await ShouldProcessAsync($"{change.LogicalResourceId} ({change.ResourceType}) in stack {StackName}", change.Action).ConfigureAwait(false);
            }

            return;
        }

        if (!await ShouldProcessAsync($"{StackName} in {Aws.Region}", "Deploy the SesAnalytics stack").ConfigureAwait(false))
        {
            return;
        }

        DeploymentResult result = await deployer.DeployAsync(deployment, cancellationToken).ConfigureAwait(false);
        EmitVerbose(result.Outcome switch
        {
            DeploymentOutcome.UpToDate => $"The stack '{StackName}' is up to date.",
            DeploymentOutcome.Started => $"CloudFormation accepted the deployment of '{StackName}'; it goes on without us (-NoWait).",
            _ => $"The stack '{StackName}' is {result.Stack.Status}.",
        });
        Emit(result.Stack);
    }
}
