using SesAnalytics.Engine.Aws.SesV2.Model;

namespace SesAnalytics;

/// <summary>
/// An address on the account-level suppression list: SES does not send to it while it is there. <see cref="Reason"/>
/// is BOUNCE or COMPLAINT, in SES's words. <see cref="MessageId"/> and <see cref="FeedbackId"/> name the message and
/// the feedback that put it there; SES gives them for a direct lookup only, so a listed address has them empty.
/// </summary>
public sealed record SuppressedAddress(string EmailAddress, string Reason, DateTime LastUpdateTime, string? MessageId, string? FeedbackId)
{
    internal static SuppressedAddress From(SuppressedDestination destination) => new(
        destination.EmailAddress,
        destination.Reason,
        destination.LastUpdateTime.UtcDateTime,
        destination.Attributes?.MessageId,
        destination.Attributes?.FeedbackId);

    public override string ToString() => EmailAddress;
}
