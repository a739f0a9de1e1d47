namespace SesAnalytics;

/// <summary>Where a bounce and complaint rate stand against the thresholds at which SES reviews or pauses an account.</summary>
public enum ReputationStatus
{
    Healthy,

    /// <summary>Bounce rate at least 5% or complaint rate at least 0.1%: SES places an account under review.</summary>
    Warning,

    /// <summary>Bounce rate at least 10% or complaint rate at least 0.5%: SES may pause sending.</summary>
    AtRisk,

    /// <summary>No recipients were sent to, so there are no rates.</summary>
    NoSends,

    /// <summary>
    /// Too few sent recipients to judge a rate (<see cref="ReputationThresholds"/>), and no rate that could be judged is
    /// at Warning or worse.
    /// </summary>
    LowVolume,
}
