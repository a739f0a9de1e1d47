using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Query.Engagement;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>The most clicked links of each group over a range of days, from a local store or with Athena.</summary>
[Cmdlet(VerbsCommon.Get, "SesClickedLink", DefaultParameterSetName = PathSet, HelpUri = OnlineHelp.Docs + "Get-SesClickedLink.md")]
[OutputType("SesAnalytics.LinkSummary")]
public sealed class GetSesClickedLinkCommand : GroupedQueryCmdlet
{
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Top { get; set; } = LinkQuery.DefaultTop;

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken) =>
        AskForEachInputAsync(() => AskAsync(cancellationToken));

    private Task AskAsync(CancellationToken cancellationToken)
    {
        var query = new LinkQuery(Identity ?? [], Days, Grouping, Top);
        return AnswerAsync(
            (queries, target, token) => AthenaEngagementQueries.LinksAsync(queries, target, query, token),
            () => LocalEngagementQueries.Links(StorePath, query, Sink, cancellationToken),
            Emit,
            cancellationToken);
    }
}
