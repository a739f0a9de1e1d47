namespace SesAnalytics;

/// <summary>The <c>reject</c> object: SES refused to send the mail (for instance it carried a virus).</summary>
public sealed record RejectInfo(string? Reason)
{
    public override string ToString() => Reason ?? string.Empty;
}
