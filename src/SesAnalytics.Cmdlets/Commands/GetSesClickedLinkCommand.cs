using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Query.Engagement;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>The most clicked links of each group over a range of days, from a local store or with Athena.</summary>
[Cmdlet(VerbsCommon.Get, "SesClickedLink", DefaultParameterSetName = PathSet, HelpUri = OnlineHelp.Docs + "Get-SesClickedLink.md")]
[OutputType("SesAnalytics.LinkSummary")]
public sealed class GetSesClickedLinkCommand : EventQueryCmdlet
{
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(GroupByCompleter))]
    public string[]? GroupBy { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Top { get; set; } = LinkQuery.DefaultTop;

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken) =>
        AskForEachInputAsync(() => AskAsync(cancellationToken));

    private async Task AskAsync(CancellationToken cancellationToken)
    {
        var query = new LinkQuery(Identity ?? [], Days, Engine.Query.Grouping.GroupBy.Parse(GroupBy), Top);
        IReadOnlyList<LinkSummary> links;
        if (InCloud)
        {
            (var queries, var target, IDisposable clients) = await CreateAthenaQueriesAsync(cancellationToken).ConfigureAwait(false);
            using (clients)
            {
                links = await AthenaEngagementQueries.LinksAsync(queries, target, query, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            links = LocalEngagementQueries.Links(StorePath, query, Sink, cancellationToken);
        }

        foreach (LinkSummary link in links)
        {
            Emit(link);
        }
    }
}
