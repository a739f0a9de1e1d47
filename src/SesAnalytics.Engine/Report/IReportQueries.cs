using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Breakdowns;
using SesAnalytics.Engine.Query.Delivery;
using SesAnalytics.Engine.Query.Engagement;
using SesAnalytics.Engine.Query.Failures;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Report;

/// <summary>
/// The questions a report is built from, each the engine of a query command, asked of a local store or of Athena
/// alike: the report's numbers are the commands' numbers.
/// </summary>
public interface IReportQueries
{
    /// <summary>Where the answers come from, for the top of the page.</summary>
    ReportSource Source { get; }

    /// <summary>Get-SesEventSummary's answer (with -Total and -Compare as the request says).</summary>
    IAsyncEnumerable<EventSummary> SummariesAsync(SummaryRequest request, CancellationToken cancellationToken);

    /// <summary>Get-SesEngagement's answer.</summary>
    Task<IReadOnlyList<EngagementSummary>> EngagementAsync(EngagementQuery query, CancellationToken cancellationToken);

    /// <summary>Get-SesDeliveryTime -Total's answer.</summary>
    IAsyncEnumerable<DeliveryTimeSummary> DeliveryTimesAsync(EventQuery query, GroupBy grouping, CancellationToken cancellationToken);

    /// <summary>Get-SesFailureSummary -Total's answer.</summary>
    IAsyncEnumerable<FailureSummary> FailuresAsync(EventQuery query, GroupBy grouping, IReadOnlyList<FailureKind> kinds, CancellationToken cancellationToken);
}
