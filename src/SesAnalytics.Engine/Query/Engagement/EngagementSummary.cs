using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Query.Engagement;

/// <summary>
/// Opens and clicks of one group on one day (<see cref="Day"/> set) or over a whole range (<see cref="Day"/> null).
/// Recipients are distinct (message, address) pairs; rates are fractions (0.25 is 25%), null when the denominator is 0.
/// </summary>
public sealed record EngagementSummary
{
    public string? Identity { get; init; }

    public string? ConfigurationSet { get; init; }

    public string? RecipientDomain { get; init; }

    public string? FromDomain { get; init; }

    /// <summary>The grouped mail tags as <c>name=value</c> pairs joined by <c>; </c>.</summary>
    public string? Tag { get; init; }

    /// <summary>The group's values as one short text, as the table view shows it.</summary>
    public required string Group { get; init; }

    public DateTime? Day { get; init; }

    public required DateTime From { get; init; }

    public required DateTime To { get; init; }

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
        return new EngagementSummary
        {
            Identity = group.Identity,
            ConfigurationSet = group.ConfigurationSet,
            RecipientDomain = group.RecipientDomain,
            FromDomain = group.FromDomain,
            Tag = GroupText.Tag(group),
            Group = group.Label,
            Day = day?.ToUtcDateTime(),
            From = (day ?? days.From).ToUtcDateTime(),
            To = (day ?? days.To).ToUtcDateTime(),
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
