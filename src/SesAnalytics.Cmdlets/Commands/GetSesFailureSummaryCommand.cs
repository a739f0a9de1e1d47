using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Failures;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Bounces, delivery delays, rejects and rendering failures per group, kind and normalised reason, from a local store or with Athena.</summary>
[Cmdlet(VerbsCommon.Get, "SesFailureSummary", DefaultParameterSetName = PathSet, HelpUri = OnlineHelp.Docs + "Get-SesFailureSummary.md")]
[OutputType("SesAnalytics.FailureSummary")]
public sealed class GetSesFailureSummaryCommand : GroupedQueryCmdlet
{
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public FailureKind[]? Kind { get; set; }

    [Parameter]
    public SwitchParameter Total { get; set; }

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken) =>
        AskForEachInputAsync(() => AskAsync(cancellationToken));

    private Task AskAsync(CancellationToken cancellationToken)
    {
        GroupBy grouping = Grouping;
        IReadOnlyList<FailureKind> kinds = Kind is { Length: > 0 } ? Kind.Distinct().Order().ToList() : FailureKinds.All;
        var query = new EventQuery(Identity ?? [], kinds.Select(k => k.EventType()).ToList(), Days, [], []);
        return AnswerAsync(
            (queries, target, token) => FailureSummaries.FromAthenaAsync(queries, target, query, grouping, kinds, Total.IsPresent, token),
            () => FailureSummaries.FromStore(StorePath, query, grouping, kinds, Total.IsPresent, Sink, cancellationToken),
            Emit,
            cancellationToken);
    }
}
