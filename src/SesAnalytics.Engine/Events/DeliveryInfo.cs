namespace SesAnalytics;

/// <summary>The <c>delivery</c> object: the receiving server accepted the mail.</summary>
public sealed record DeliveryInfo
{
    public DateTime? Timestamp { get; init; }

    public long? ProcessingTimeMillis { get; init; }

    public IReadOnlyList<string> Recipients { get; init; } = [];

    public string? SmtpResponse { get; init; }

    public string? ReportingMta { get; init; }

    public string? RemoteMtaIp { get; init; }

    public override string ToString() => $"{SmtpResponse} ({ProcessingTimeMillis} ms)";
}
