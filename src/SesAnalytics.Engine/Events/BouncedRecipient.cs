namespace SesAnalytics;

/// <summary>A recipient whose mail bounced, with the remote server's verdict.</summary>
public sealed record BouncedRecipient(string? EmailAddress, string? Action, string? Status, string? DiagnosticCode)
{
    public override string ToString() => string.Join(" ", new[] { EmailAddress, Status, DiagnosticCode }.Where(p => !string.IsNullOrEmpty(p)));
}
