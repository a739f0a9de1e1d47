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
public sealed class GetSesDeliveryTimeCommand : GroupedQueryCmdlet
{
    [Parameter]
    public SwitchParameter Total { get; set; }

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken) =>
        AskForEachInputAsync(() => AskAsync(cancellationToken));

    private Task AskAsync(CancellationToken cancellationToken)
    {
        GroupBy grouping = Grouping;
        var query = new EventQuery(Identity ?? [], [SesEventType.Delivery], Days, [], []);
        return AnswerAsync(
            (queries, target, token) => DeliveryTimes.FromAthenaAsync(queries, target, query, grouping, Total.IsPresent, token),
            () => DeliveryTimes.FromStore(StorePath, query, grouping, Total.IsPresent, Sink, cancellationToken),
            Emit,
            cancellationToken);
    }
}
