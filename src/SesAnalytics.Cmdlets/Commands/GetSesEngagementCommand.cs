using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Query.Engagement;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Open, click and click-to-open rates of delivered recipients per group and day, from a local store or with Athena.</summary>
[Cmdlet(VerbsCommon.Get, "SesEngagement", DefaultParameterSetName = PathSet, HelpUri = OnlineHelp.Docs + "Get-SesEngagement.md")]
[OutputType("SesAnalytics.EngagementSummary")]
public sealed class GetSesEngagementCommand : EventQueryCmdlet
{
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(GroupByCompleter))]
    public string[]? GroupBy { get; set; }

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

    private async Task AskAsync(CancellationToken cancellationToken)
    {
        var query = new EngagementQuery(Identity ?? [], Days, Engine.Query.Grouping.GroupBy.Parse(GroupBy), Total.IsPresent, ProxyOpenWindow, IncludeProxyOpens.IsPresent);
        IReadOnlyList<EngagementSummary> summaries;
        if (InCloud)
        {
            (var queries, var target, IDisposable clients) = await CreateAthenaQueriesAsync(cancellationToken).ConfigureAwait(false);
            using (clients)
            {
                summaries = await AthenaEngagementQueries.SummariesAsync(queries, target, query, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            summaries = LocalEngagementQueries.Summaries(StorePath, query, Sink, cancellationToken);
        }

        foreach (EngagementSummary summary in summaries)
        {
            Emit(summary);
        }
    }
}
