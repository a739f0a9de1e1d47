namespace SesAnalytics;

/// <summary>The <c>deliveryDelay</c> object: delivery is late and SES keeps retrying until the expiration time.</summary>
public sealed record DeliveryDelayInfo
{
    public DateTime? Timestamp { get; init; }

    /// <summary>InternalFailure, General, MailboxFull, SpamDetected, RecipientServerError, IPFailure,
    /// TransientCommunicationFailure, BYOIPHostNameLookupUnavailable, Undetermined or SendingDeferral.</summary>
    public string? DelayType { get; init; }

    public DateTime? ExpirationTime { get; init; }

    public string? ReportingMta { get; init; }

    public string? RemoteMta { get; init; }

    public IReadOnlyList<DelayedRecipient> DelayedRecipients { get; init; } = [];

    public override string ToString() => $"{DelayType}: {string.Join("; ", DelayedRecipients)}";
}
