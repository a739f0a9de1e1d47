namespace SesAnalytics;

/// <summary>The <c>open</c> object: the recipient's client loaded the tracking image.</summary>
public sealed record OpenInfo(string? IpAddress, DateTime? Timestamp, string? UserAgent)
{
    public override string ToString() => $"{IpAddress} {UserAgent}".Trim();
}
