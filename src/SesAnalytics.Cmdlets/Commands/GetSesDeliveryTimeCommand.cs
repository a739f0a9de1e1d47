using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Delivery;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Delivery-time percentiles (p50, p90, p99, max) per group and day, from a local store or with Athena.</summary>
[Cmdlet(VerbsCommon.Get, "SesDeliveryTime", DefaultParameterSetName = PathSet, HelpUri = OnlineHelp.Docs + "Get-SesDeliveryTime.md")]
[OutputType("SesAnalytics.DeliveryTimeSummary")]
public sealed class GetSesDeliveryTimeCommand : EventQueryCmdlet
{
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(GroupByCompleter))]
    public string[]? GroupBy { get; set; }

    [Parameter]
    public SwitchParameter Total { get; set; }

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken) =>
        AskForEachInputAsync(() => AskAsync(cancellationToken));

    private async Task AskAsync(CancellationToken cancellationToken)
    {
        GroupBy grouping = Engine.Query.Grouping.GroupBy.Parse(GroupBy);
        var query = new EventQuery(Identity ?? [], [SesEventType.Delivery], Days, [], []);
        if (InCloud)
        {
            (var queries, var target, IDisposable clients) = await CreateAthenaQueriesAsync(cancellationToken).ConfigureAwait(false);
            using (clients)
            {
                await foreach (DeliveryTimeSummary cloudSummary in DeliveryTimes.FromAthenaAsync(queries, target, query, grouping, Total.IsPresent, cancellationToken).ConfigureAwait(false))
                {
                    Emit(cloudSummary);
                }
            }

            return;
        }

        foreach (DeliveryTimeSummary summary in DeliveryTimes.FromStore(StorePath, query, grouping, Total.IsPresent, Sink, cancellationToken))
        {
            Emit(summary);
        }
    }
}
