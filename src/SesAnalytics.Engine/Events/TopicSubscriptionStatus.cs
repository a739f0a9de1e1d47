namespace SesAnalytics;

/// <summary>Whether a contact is subscribed to one topic of a contact list (OptIn or OptOut).</summary>
public sealed record TopicSubscriptionStatus(string? TopicName, string? SubscriptionStatus)
{
    public override string ToString() => $"{TopicName}={SubscriptionStatus}";
}
