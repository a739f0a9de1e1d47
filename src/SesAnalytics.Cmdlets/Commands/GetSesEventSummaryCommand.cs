using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>
/// Counts events per identity (or any grouping) and day, with bounce and complaint rates, from a local store or with
/// Athena; optionally beside the preceding period.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SesEventSummary", DefaultParameterSetName = PathSet, HelpUri = OnlineHelp.Docs + "Get-SesEventSummary.md")]
[OutputType("SesAnalytics.EventSummary")]
public sealed class GetSesEventSummaryCommand : ReputationCmdlet
{
    [Parameter]
    public SwitchParameter Total { get; set; }

    [Parameter]
    public SwitchParameter Compare { get; set; }

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken) =>
        AskForEachInputAsync(() => SummarizeAsync(Request(Total.IsPresent, Compare.IsPresent), Emit, cancellationToken));
}
