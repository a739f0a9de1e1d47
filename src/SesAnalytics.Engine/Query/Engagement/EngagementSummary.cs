using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Engagement;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Time;

namespace SesAnalytics;

/// <summary>
/// Opens and clicks of one group on one day (<see cref="Day"/> set) or over a whole range (<see cref="Day"/> null).
/// Recipients are distinct (message, address) pairs; rates are fractions (0.25 is 25%), null when the denominator is 0.
/// </summary>
public sealed record EngagementSummary : GroupedRow
{
    internal EngagementSummary(GroupValues group, DateOnly? day, DateOnly from, DateOnly to)
        : base(group, day, from, to)
    {
    }

    public long DeliveredRecipients { get; init; }

    public long OpenedRecipients { get; init; }

    public long ClickedRecipients { get; init; }

    public long Opens { get; init; }

    public long Clicks { get; init; }

    /// <summary>Opens within the proxy window of a delivery of their message: privacy-proxy prefetches, not people.</summary>
    public long ProxyOpens { get; init; }

    public double? OpenRate { get; init; }

    public double? ClickRate { get; init; }

    public double? ClickToOpenRate { get; init; }

    internal static EngagementSummary Create(GroupValues group, DateOnly? day, DayRange days, EngagementCounts counts, bool includeProxyOpens)
    {
        long opened = includeProxyOpens ? counts.OpenedRecipientsWithProxies : counts.OpenedRecipients;
        return new EngagementSummary(group, day, days.From, days.To)
        {
            DeliveredRecipients = counts.DeliveredRecipients,
            OpenedRecipients = opened,
            ClickedRecipients = counts.ClickedRecipients,
            Opens = includeProxyOpens ? counts.OpensWithProxies : counts.Opens,
            Clicks = counts.Clicks,
            ProxyOpens = counts.ProxyOpens,
            OpenRate = Rate(opened, counts.DeliveredRecipients),
            ClickRate = Rate(counts.ClickedRecipients, counts.DeliveredRecipients),
            ClickToOpenRate = Rate(counts.ClickedRecipients, opened),
        };
    }

    private static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;

    public override string ToString() =>
        Day is { } day ? $"{Group} {day:yyyy-MM-dd}: {OpenRate:P1} opened" : $"{Group} {From:yyyy-MM-dd}..{To:yyyy-MM-dd}: {OpenRate:P1} opened";
}
