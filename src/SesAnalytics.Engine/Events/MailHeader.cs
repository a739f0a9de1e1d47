namespace SesAnalytics;

/// <summary>One of the original message's headers, as SES lists them in <c>mail.headers</c>.</summary>
public sealed record MailHeader(string Name, string? Value)
{
    public override string ToString() => $"{Name}: {Value}";
}
