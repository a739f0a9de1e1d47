using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Failures;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Bounces, delivery delays, rejects and rendering failures per group, kind and normalised reason, from a local store or with Athena.</summary>
[Cmdlet(VerbsCommon.Get, "SesFailureSummary", DefaultParameterSetName = PathSet, HelpUri = OnlineHelp.Docs + "Get-SesFailureSummary.md")]
[OutputType("SesAnalytics.FailureSummary")]
public sealed class GetSesFailureSummaryCommand : EventQueryCmdlet
{
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public FailureKind[]? Kind { get; set; }

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
        IReadOnlyList<FailureKind> kinds = Kind is { Length: > 0 } ? Kind.Distinct().Order().ToList() : FailureKinds.All;
        var query = new EventQuery(Identity ?? [], kinds.Select(k => k.EventType()).ToList(), Days, [], []);
        if (InCloud)
        {
            (var queries, var target, IDisposable clients) = await CreateAthenaQueriesAsync(cancellationToken).ConfigureAwait(false);
            using (clients)
            {
                await foreach (FailureSummary cloudSummary in FailureSummaries.FromAthenaAsync(queries, target, query, grouping, kinds, Total.IsPresent, cancellationToken).ConfigureAwait(false))
                {
                    Emit(cloudSummary);
                }
            }

            return;
        }

        foreach (FailureSummary summary in FailureSummaries.FromStore(StorePath, query, grouping, kinds, Total.IsPresent, Sink, cancellationToken))
        {
            Emit(summary);
        }
    }
}
