namespace SesAnalytics;

/// <summary>A message sent to the SES mailbox simulator; its events arrive in the bucket under its MessageId.</summary>
public sealed record SimulatorMessage(string MessageId, string Scenario, string To, string From, string? ConfigurationSetName, DateTime SentAt)
{
    public override string ToString() => MessageId;
}
