using SesAnalytics.Engine.Query;

namespace SesAnalytics.Engine.Report;

/// <summary>
/// The status a report states for an identity: <see cref="ReputationStatus"/>, except that under
/// <see cref="LowVolumeRecipients"/> recipients a rate swings with every single bounce, so it reads LowVolume, as
/// SES's own reputation page does before an account has a representative volume.
/// </summary>
public static class SendingStatus
{
    public const long LowVolumeRecipients = 1000;

    public const string LowVolume = "LowVolume";

    public static string Of(EventSummary summary) =>
        summary.Status != ReputationStatus.NoSends && summary.SentRecipients < LowVolumeRecipients
            ? LowVolume
            : summary.Status.ToString();
}
