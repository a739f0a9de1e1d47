using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Query.Breakdowns;
using SesAnalytics.Engine.Query.Delivery;
using SesAnalytics.Engine.Query.Engagement;
using SesAnalytics.Engine.Query.Failures;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Report;

/// <summary>A report's questions in the cloud, with Athena over the stack's tables (<see cref="AthenaQueries"/>).</summary>
public sealed class AthenaReportQueries(AthenaQueries queries, AthenaTarget target, ReportSource source) : IReportQueries
{
    public ReportSource Source { get; } = source;

    public IAsyncEnumerable<EventSummary> SummariesAsync(SummaryRequest request, CancellationToken cancellationToken) =>
        SummaryQueries.CloudAsync(queries, target, request, cancellationToken);

    public Task<IReadOnlyList<EngagementSummary>> EngagementAsync(EngagementQuery query, CancellationToken cancellationToken) =>
        AthenaEngagementQueries.SummariesAsync(queries, target, query, cancellationToken);

    public IAsyncEnumerable<DeliveryTimeSummary> DeliveryTimesAsync(EventQuery query, GroupBy grouping, CancellationToken cancellationToken) =>
        DeliveryTimes.FromAthenaAsync(queries, target, query, grouping, total: true, cancellationToken);

    public IAsyncEnumerable<FailureSummary> FailuresAsync(EventQuery query, GroupBy grouping, IReadOnlyList<FailureKind> kinds, CancellationToken cancellationToken) =>
        FailureSummaries.FromAthenaAsync(queries, target, query, grouping, kinds, total: true, cancellationToken);
}
