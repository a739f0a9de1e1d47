using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Query;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Counts events per identity and day, with bounce and complaint rates, from a local store or with Athena.</summary>
[Cmdlet(VerbsCommon.Get, "SesEventSummary", DefaultParameterSetName = PathSet, HelpUri = OnlineHelp.Docs + "Get-SesEventSummary.md")]
[OutputType("SesAnalytics.EventSummary")]
public sealed class GetSesEventSummaryCommand : EventQueryCmdlet
{
    [Parameter]
    public SwitchParameter Total { get; set; }

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken) =>
        AskForEachInputAsync(() => AskAsync(cancellationToken));

    private async Task AskAsync(CancellationToken cancellationToken)
    {
        EventQuery query = EventQuery.AllEvents(Days, Identity);
        if (InCloud)
        {
            (var queries, var target, IDisposable clients) = await CreateAthenaQueriesAsync(cancellationToken).ConfigureAwait(false);
            using (clients)
            {
                await foreach (EventSummary cloudSummary in queries.SummariesAsync(target, query, Total.IsPresent, cancellationToken).ConfigureAwait(false))
                {
                    Emit(cloudSummary);
                }
            }

            return;
        }

        foreach (EventSummary summary in LocalStoreQueries.Summaries(StorePath, query, Total.IsPresent, Sink, cancellationToken))
        {
            Emit(summary);
        }
    }
}
