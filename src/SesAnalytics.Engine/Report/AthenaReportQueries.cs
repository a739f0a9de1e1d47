using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Athena;

namespace SesAnalytics.Engine.Report;

/// <summary>A report's questions in the cloud, with Athena over the stack's tables (<see cref="AthenaQueries"/>).</summary>
public sealed class AthenaReportQueries(AthenaQueries queries, AthenaTarget target, ReportSource source) : IReportQueries
{
    public ReportSource Source { get; } = source;

    public IAsyncEnumerable<EventSummary> SummariesAsync(EventQuery query, CancellationToken cancellationToken) =>
        queries.SummariesAsync(target, query, total: false, cancellationToken);

    public IAsyncEnumerable<BounceRecord> BouncesAsync(EventQuery query, CancellationToken cancellationToken) =>
        queries.BouncesAsync(target, query, cancellationToken);

    public IAsyncEnumerable<SesEvent> EventsAsync(EventQuery query, CancellationToken cancellationToken) =>
        queries.EventsAsync(target, query, [], cancellationToken);
}
