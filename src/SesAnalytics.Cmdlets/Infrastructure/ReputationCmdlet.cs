using System.Management.Automation;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Breakdowns;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// What the reputation commands (Get-SesEventSummary, Test-SesReputation) share: the configuration set filter and the
/// minimum volumes below which a rate is not judged, and the summaries they ask for, local or in the cloud.
/// </summary>
public abstract class ReputationCmdlet : GroupedQueryCmdlet
{
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ConfigurationSetCompleter))]
    public string[]? ConfigurationSet { get; set; }

    [Parameter]
    [ValidateRange(0, long.MaxValue)]
    public long MinimumBounceVolume { get; set; } = ReputationThresholds.DefaultBounceVolume;

    [Parameter]
    [ValidateRange(0, long.MaxValue)]
    public long MinimumComplaintVolume { get; set; } = ReputationThresholds.DefaultComplaintVolume;

    /// <summary>The request of this invocation; checked (group keys, patterns) before anything is read.</summary>
    protected SummaryRequest Request(bool total, bool compare) => new(
        EventQuery.AllEvents(Days, Identity),
        Grouping,
        ConfigurationSet ?? [],
        total,
        compare,
        new ReputationThresholds(MinimumBounceVolume, MinimumComplaintVolume));

    /// <summary>The summaries, each handed to <paramref name="emit"/> as it comes.</summary>
    protected Task SummarizeAsync(SummaryRequest request, Action<EventSummary> emit, CancellationToken cancellationToken) =>
        AnswerAsync(
            (queries, target, token) => SummaryQueries.CloudAsync(queries, target, request, token),
            () => SummaryQueries.Local(StorePath, request, Sink, cancellationToken),
            emit,
            cancellationToken);
}
