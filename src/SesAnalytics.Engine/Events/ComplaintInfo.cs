namespace SesAnalytics;

/// <summary>The <c>complaint</c> object: a recipient's feedback report about the mail.</summary>
public sealed record ComplaintInfo
{
    public IReadOnlyList<ComplainedRecipient> ComplainedRecipients { get; init; } = [];

    public DateTime? Timestamp { get; init; }

    public string? FeedbackId { get; init; }

    /// <summary>Null, or OnAccountSuppressionList when SES did not send because of the account's suppression list.</summary>
    public string? ComplaintSubType { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>abuse, auth-failure, fraud, not-spam, other or virus, when the feedback report says.</summary>
    public string? ComplaintFeedbackType { get; init; }

    public DateTime? ArrivalDate { get; init; }

    public override string ToString() => $"{ComplaintFeedbackType ?? "complaint"}: {string.Join(", ", ComplainedRecipients)}";
}
