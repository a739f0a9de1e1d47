namespace SesAnalytics.Engine.Report;

/// <summary>An identity over the period: Get-SesEventSummary -Total's totals, rates and status.</summary>
public sealed record IdentityOverview(
    string Identity,
    long Sent,
    long Recipients,
    long Delivered,
    long Bounced,
    long HardBouncedRecipients,
    long Complained,
    long ComplainedRecipients,
    double? BounceRate,
    double? ComplaintRate,
    string Status);

/// <summary>One identity day by day: <see cref="Days"/> holds a row for each day that has events.</summary>
public sealed record IdentityDays(string Identity, IReadOnlyList<DayVolume> Days);

/// <summary>One identity's day: the counts of Get-SesEventSummary for that identity and day.</summary>
public sealed record DayVolume(
    DateOnly Day,
    long Sent,
    long Recipients,
    long Delivered,
    long Bounced,
    long HardBouncedRecipients,
    long Complained,
    double? BounceRate,
    double? ComplaintRate,
    string Status);

public sealed record EventTypeCount(string EventType, long Events, double Share);

/// <summary>Bounced recipients of one bounce type and subtype: Get-SesFailureSummary -Kind Bounce -Total's recipients added up.</summary>
public sealed record BounceKindCount(string BounceType, string BounceSubType, long Recipients, double Share);

/// <summary>One row of Get-SesFailureSummary -Kind Bounce -Total: an identity's bounces of one type and normalised reason.</summary>
public sealed record DiagnosticCodeCount(
    string Identity, string? BounceType, string? BounceSubType, string? Reason, string? Status, long Recipients, string? RecipientDomains, double Share);

/// <summary>Hard-bounced recipients of one recipient domain (Get-SesFailureSummary -Kind Bounce -GroupBy RecipientDomain -Total); the share is of all hard-bounced recipients.</summary>
public sealed record DomainBounceCount(string Domain, long Recipients, double Share);

/// <summary>
/// One group of Get-SesEngagement -Total: distinct delivered, opening and clicking recipients, opens a privacy proxy
/// prefetched set apart (<see cref="ProxyOpens"/>), and the rates of recipients.
/// </summary>
public sealed record Engagement(
    string Name, long DeliveredRecipients, long OpenedRecipients, long ClickedRecipients, long ProxyOpens, double? OpenRate, double? ClickRate, double? ClickToOpenRate);

/// <summary>Engagement per identity and per value of the campaign tag (<see cref="CampaignTag"/>).</summary>
public sealed record EngagementSection(string CampaignTag, IReadOnlyList<Engagement> ByIdentity, IReadOnlyList<Engagement> ByTag);

/// <summary>Get-SesDeliveryTime -Total's percentiles of one identity, in milliseconds.</summary>
public sealed record IdentityDeliveryTimes(string Identity, long Deliveries, double? P50, double? P90, double? P99, double? Max);

/// <summary>The period against the one of the same length just before it.</summary>
public sealed record PeriodComparison(DateOnly From, DateOnly To, IReadOnlyList<PeriodChange> Identities);

/// <summary>One identity as Get-SesEventSummary -Total -Compare gives it: now, in the previous period, and the change in points.</summary>
public sealed record PeriodChange(
    string Identity,
    long SentRecipients,
    long? PreviousSentRecipients,
    double? BounceRate,
    double? PreviousBounceRate,
    double? BounceRateChange,
    double? ComplaintRate,
    double? PreviousComplaintRate,
    double? ComplaintRateChange,
    string Status,
    string? PreviousStatus);
