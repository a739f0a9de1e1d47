using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Query.Engagement;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Open, click and click-to-open rates of delivered recipients per group and day, from a local store or with Athena.</summary>
[Cmdlet(VerbsCommon.Get, "SesEngagement", DefaultParameterSetName = PathSet, HelpUri = OnlineHelp.Docs + "Get-SesEngagement.md")]
[OutputType("SesAnalytics.EngagementSummary")]
public sealed class GetSesEngagementCommand : GroupedQueryCmdlet
{
    [Parameter]
    public SwitchParameter Total { get; set; }

    [Parameter]
    public SwitchParameter IncludeProxyOpens { get; set; }

    /// <summary>How close to a delivery of its message an open is taken for a privacy proxy's prefetch; a number is seconds.</summary>
    [Parameter]
    [SecondsArgument]
    public TimeSpan ProxyOpenWindow { get; set; } = EngagementQuery.DefaultProxyOpenWindow;

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken) =>
        AskForEachInputAsync(() => AskAsync(cancellationToken));

    private Task AskAsync(CancellationToken cancellationToken)
    {
        var query = new EngagementQuery(Identity ?? [], Days, Grouping, Total.IsPresent, ProxyOpenWindow, IncludeProxyOpens.IsPresent);
        return AnswerAsync(
            (queries, target, token) => AthenaEngagementQueries.SummariesAsync(queries, target, query, token),
            () => LocalEngagementQueries.Summaries(StorePath, query, Sink, cancellationToken),
            Emit,
            cancellationToken);
    }
}
