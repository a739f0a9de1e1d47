namespace SesAnalytics.Engine.Report;

/// <summary>An identity over the period: its totals, rates and status (<see cref="SendingStatus"/>).</summary>
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

/// <summary>Bounced recipients of one bounce type and subtype.</summary>
public sealed record BounceKindCount(string BounceType, string BounceSubType, long Recipients, double Share);

/// <summary>Bounced recipients whose diagnostic code reads the same once normalised (<see cref="DiagnosticCodes"/>).</summary>
public sealed record DiagnosticCodeCount(string Code, string BounceType, long Recipients, double Share);

/// <summary>Hard-bounced recipients of one recipient domain; the share is of all hard-bounced recipients.</summary>
public sealed record DomainBounceCount(string Domain, long Recipients, double Share);

/// <summary>
/// Opens and clicks of delivered messages: <see cref="Opened"/> and <see cref="Clicked"/> count messages with at least
/// one, so the rates are of messages, and click-to-open is clicked over opened.
/// </summary>
public sealed record Engagement(string Name, long Delivered, long Opened, long Clicked, double? OpenRate, double? ClickRate, double? ClickToOpenRate)
{
    public static Engagement Of(string name, long delivered, long opened, long clicked) => new(
        name,
        delivered,
        opened,
        clicked,
        delivered == 0 ? null : (double)opened / delivered,
        delivered == 0 ? null : (double)clicked / delivered,
        opened == 0 ? null : (double)clicked / opened);
}

/// <summary>Engagement per identity and per campaign tag (a message tag of the sender's own, <c>name=value</c>).</summary>
public sealed record EngagementSection(IReadOnlyList<Engagement> ByIdentity, IReadOnlyList<Engagement> ByTag);

/// <summary>How long SES took to deliver (<c>delivery.processingTimeMillis</c>), as nearest-rank percentiles in milliseconds.</summary>
public sealed record DeliveryTimes(string Identity, long Deliveries, long? P50, long? P90, long? P99, long? Max);

/// <summary>The period against the one of the same length just before it.</summary>
public sealed record PeriodComparison(DateOnly From, DateOnly To, IReadOnlyList<PeriodChange> Identities);

/// <summary>One identity now and in the previous period; a change is null where the previous period has nothing to compare with.</summary>
public sealed record PeriodChange(
    string Identity,
    long Sent,
    long PreviousSent,
    double? SentChange,
    double? BounceRate,
    double? PreviousBounceRate,
    double? ComplaintRate,
    double? PreviousComplaintRate);
