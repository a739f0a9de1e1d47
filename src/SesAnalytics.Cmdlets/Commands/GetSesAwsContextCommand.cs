using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Aws.Context;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>
/// Shows which region, credentials and endpoints the module's AWS commands would use, without calling AWS. A region or
/// credentials that cannot be found are a warning here, not an error: this is the command that helps find them.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SesAwsContext", HelpUri = OnlineHelp.Docs + "Get-SesAwsContext.md")]
[OutputType("SesAnalytics.AwsContextSummary")]
public sealed class GetSesAwsContextCommand : AwsCmdlet
{
    private AwsContextRequest? _request;
    private bool _verbose;

    protected override bool RequiresAws => false;

    protected override void Prepare()
    {
        _request = CreateAwsRequest();
        _verbose = VerboseWanted;
    }

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        AwsContextInspection inspection = new AwsContextResolver().Inspect(_request!);
        if (_verbose)
        {
            EmitVerbose(inspection.Sources);
        }

        foreach (string missing in inspection.Missing)
        {
            EmitWarning(missing);
        }

        Emit(inspection.Summary);
        return Task.CompletedTask;
    }
}
