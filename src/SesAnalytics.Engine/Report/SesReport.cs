namespace SesAnalytics.Engine.Report;

/// <summary>
/// Everything one report shows, serialised as the page's data island: one property per section, each a plain record
/// the page draws a chart and a table from. Rates are fractions (0.05 is 5%); days are UTC.
/// </summary>
public sealed record SesReport
{
    public required ReportSource Source { get; init; }

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public required DateTime GeneratedAt { get; init; }

    public ReportThresholds Thresholds { get; init; } = ReportThresholds.Ses;

    /// <summary>One row per identity over the whole period, with its status.</summary>
    public required IReadOnlyList<IdentityOverview> Identities { get; init; }

    /// <summary>The identities drawn day by day, the largest first (at most <see cref="ReportLimits.DetailedIdentities"/>).</summary>
    public required IReadOnlyList<IdentityDays> Daily { get; init; }

    public required IReadOnlyList<EventTypeCount> EventMix { get; init; }

    public required IReadOnlyList<BounceKindCount> BounceKinds { get; init; }

    public required IReadOnlyList<DiagnosticCodeCount> DiagnosticCodes { get; init; }

    public required IReadOnlyList<DomainBounceCount> HardBounceDomains { get; init; }

    public required EngagementSection Engagement { get; init; }

    public required IReadOnlyList<IdentityDeliveryTimes> DeliveryTimes { get; init; }

    public required PeriodComparison PreviousPeriod { get; init; }
}

/// <summary>
/// Where the numbers come from: a local store, or a stack's (or named) Athena table in an account and region. The
/// accounts are the stack's, or those that sent the store's newest events (a sample: a store can hold several).
/// </summary>
public sealed record ReportSource(string Kind, string Name, string? Region, IReadOnlyList<string> Accounts)
{
    public override string ToString() => Region is null ? $"{Kind} {Name}" : $"{Kind} {Name} ({Region})";
}

/// <summary>The levels the page draws the rates against, and the sent recipients below which a rate is not judged (<see cref="Query.ReputationThresholds"/>).</summary>
public sealed record ReportThresholds(
    double BounceReview, double BouncePause, double ComplaintReview, double ComplaintPause, long MinimumBounceVolume, long MinimumComplaintVolume)
{
    public static ReportThresholds Ses { get; } = new(
        Query.ReputationThresholds.BounceWarning,
        Query.ReputationThresholds.BounceAtRisk,
        Query.ReputationThresholds.ComplaintWarning,
        Query.ReputationThresholds.ComplaintAtRisk,
        Query.ReputationThresholds.DefaultBounceVolume,
        Query.ReputationThresholds.DefaultComplaintVolume);
}

/// <summary>How long the lists of a report may grow, so that a month of a large account stays a few megabytes.</summary>
public static class ReportLimits
{
    public const int DetailedIdentities = 25;

    public const int Reasons = 15;

    public const int Domains = 15;

    public const int Tags = 20;
}
