namespace SesAnalytics.Engine.Query;

/// <summary>
/// SES's review and pause levels, and the fewest sent recipients at which a rate is judged at all: a rate of a handful
/// of recipients says nothing (one bounce in ten is 10%), and SES itself judges an account on a representative volume.
/// </summary>
/// <param name="MinimumBounceVolume">Sent recipients below which the bounce rate is not judged.</param>
/// <param name="MinimumComplaintVolume">Sent recipients below which the complaint rate is not judged.</param>
public sealed record ReputationThresholds(long MinimumBounceVolume = ReputationThresholds.DefaultBounceVolume, long MinimumComplaintVolume = ReputationThresholds.DefaultComplaintVolume)
{
    public const long DefaultBounceVolume = 200;
    public const long DefaultComplaintVolume = 1000;

    public const double BounceWarning = 0.05;
    public const double BounceAtRisk = 0.10;
    public const double ComplaintWarning = 0.001;
    public const double ComplaintAtRisk = 0.005;

    public static ReputationThresholds Default { get; } = new();

    /// <summary>
    /// NoSends without sent recipients. Otherwise each rate is judged only at or above its minimum volume, and the worst
    /// judged level wins, so a judgeable Warning or AtRisk rate is never hidden. Without one, LowVolume when either rate
    /// could not be judged (a healthy bounce rate does not vouch for complaints), else Healthy.
    /// </summary>
    public ReputationStatus Judge(long sentRecipients, double? bounceRate, double? complaintRate)
    {
        if (sentRecipients == 0 || bounceRate is null || complaintRate is null)
        {
            return ReputationStatus.NoSends;
        }

        ReputationStatus? bounce = sentRecipients >= MinimumBounceVolume ? Level(bounceRate.Value, BounceWarning, BounceAtRisk) : null;
        ReputationStatus? complaint = sentRecipients >= MinimumComplaintVolume ? Level(complaintRate.Value, ComplaintWarning, ComplaintAtRisk) : null;
        if (bounce == ReputationStatus.AtRisk || complaint == ReputationStatus.AtRisk)
        {
            return ReputationStatus.AtRisk;
        }

        if (bounce == ReputationStatus.Warning || complaint == ReputationStatus.Warning)
        {
            return ReputationStatus.Warning;
        }

        return bounce is null || complaint is null ? ReputationStatus.LowVolume : ReputationStatus.Healthy;
    }

    private static ReputationStatus Level(double rate, double warning, double atRisk) =>
        rate >= atRisk ? ReputationStatus.AtRisk : rate >= warning ? ReputationStatus.Warning : ReputationStatus.Healthy;
}
