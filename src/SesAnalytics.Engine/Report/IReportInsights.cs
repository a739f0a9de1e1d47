using SesAnalytics.Engine.Query;

namespace SesAnalytics.Engine.Report;

/// <summary>
/// The sections no existing query answers yet: engagement per identity and campaign tag, delivery time percentiles,
/// and the sending accounts seen. <see cref="EventWalkInsights"/> computes them by reading the events; a query that
/// counts them where the data lives can take its place behind this interface.
/// </summary>
public interface IReportInsights
{
    Task<EventInsights> ReadAsync(EventQuery query, CancellationToken cancellationToken);
}

public sealed record EventInsights(EngagementSection Engagement, IReadOnlyList<DeliveryTimes> DeliveryTimes, IReadOnlyList<string> Accounts);
