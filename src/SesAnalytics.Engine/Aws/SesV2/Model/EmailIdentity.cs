namespace SesAnalytics.Engine.Aws.SesV2.Model;

/// <summary>The parts of GetEmailIdentity the module uses; <see cref="VerificationStatus"/> is PENDING, SUCCESS, FAILED, TEMPORARY_FAILURE or NOT_STARTED.</summary>
public sealed record EmailIdentity
{
    public string? IdentityType { get; init; }

    public bool VerifiedForSendingStatus { get; init; }

    public bool FeedbackForwardingStatus { get; init; }

    public string? VerificationStatus { get; init; }

    /// <summary>The identity's default configuration set, if any.</summary>
    public string? ConfigurationSetName { get; init; }
}
