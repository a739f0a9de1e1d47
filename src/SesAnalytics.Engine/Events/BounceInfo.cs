namespace SesAnalytics;

/// <summary>The <c>bounce</c> object: why the receiving server (or SES itself) refused the mail.</summary>
public sealed record BounceInfo
{
    /// <summary>Permanent, Transient or Undetermined.</summary>
    public string? BounceType { get; init; }

    public string? BounceSubType { get; init; }

    public IReadOnlyList<BouncedRecipient> BouncedRecipients { get; init; } = [];

    public DateTime? Timestamp { get; init; }

    public string? FeedbackId { get; init; }

    public string? ReportingMta { get; init; }

    public string? RemoteMtaIp { get; init; }

    public override string ToString() => $"{BounceType}/{BounceSubType}: {string.Join("; ", BouncedRecipients)}";
}
