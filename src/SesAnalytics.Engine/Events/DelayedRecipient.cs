namespace SesAnalytics;

/// <summary>A recipient SES could not deliver to yet, and will retry.</summary>
public sealed record DelayedRecipient(string? EmailAddress, string? Status, string? DiagnosticCode)
{
    public override string ToString() => string.Join(" ", new[] { EmailAddress, Status, DiagnosticCode }.Where(p => !string.IsNullOrEmpty(p)));
}
