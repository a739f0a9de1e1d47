using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Aws.Context;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Shows which region, credentials and endpoints the module's AWS commands would use, without calling AWS.</summary>
[Cmdlet(VerbsCommon.Get, "SesAwsContext", HelpUri = OnlineHelp.Docs + "Get-SesAwsContext.md")]
[OutputType("SesAnalytics.AwsContextSummary")]
public sealed class GetSesAwsContextCommand : AwsCmdlet
{
    protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        Emit(Aws.Describe());
        return Task.CompletedTask;
    }
}
