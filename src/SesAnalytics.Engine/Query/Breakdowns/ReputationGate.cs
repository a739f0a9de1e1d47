using System.Globalization;

namespace SesAnalytics.Engine.Query.Breakdowns;

/// <summary>
/// What a reputation gate fails on: AtRisk always; Warning too unless only AtRisk fails it, in which case a Warning row
/// is reported without failing. NoSends, LowVolume and Healthy never fail.
/// </summary>
public sealed record ReputationGate(ReputationStatus FailOn)
{
    public const string Title = "SES reputation";

    public bool Fails(EventSummary summary) =>
        summary.Status == ReputationStatus.AtRisk || (FailOn == ReputationStatus.Warning && summary.Status == ReputationStatus.Warning);

    public bool Warns(EventSummary summary) => FailOn == ReputationStatus.AtRisk && summary.Status == ReputationStatus.Warning;

    /// <summary>One line that says which group, how bad, over which days, and where SES's levels are.</summary>
    public static string Message(EventSummary summary) => string.Format(
        CultureInfo.InvariantCulture,
        "{0} is {1}: bounce rate {2:0.00%}, complaint rate {3:0.00%} of {4} sent recipients from {5:yyyy-MM-dd} to {6:yyyy-MM-dd} (SES reviews an account at 5% / 0.1%, may pause it at 10% / 0.5%)",
        summary.Group,
        summary.Status,
        summary.BounceRate,
        summary.ComplaintRate,
        summary.SentRecipients,
        summary.From,
        summary.To);
}
