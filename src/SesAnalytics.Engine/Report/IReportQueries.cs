using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query;

namespace SesAnalytics.Engine.Report;

/// <summary>The existing questions a report is built from, asked of a local store or of Athena alike.</summary>
public interface IReportQueries
{
    /// <summary>Where the answers come from, for the top of the page; accounts are added from the events read.</summary>
    ReportSource Source { get; }

    /// <summary>Get-SesEventSummary's answer: one summary per identity and day.</summary>
    IAsyncEnumerable<EventSummary> SummariesAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>Get-SesBounce's answer: one record per bounced recipient.</summary>
    IAsyncEnumerable<BounceRecord> BouncesAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>Get-SesEvent's answer: typed events of the query's types.</summary>
    IAsyncEnumerable<SesEvent> EventsAsync(EventQuery query, CancellationToken cancellationToken);
}
