namespace SesAnalytics;

/// <summary>A recipient who marked the mail as spam.</summary>
public sealed record ComplainedRecipient(string? EmailAddress)
{
    public override string ToString() => EmailAddress ?? string.Empty;
}
