namespace SesAnalytics;

/// <summary>A recipient changed their subscription to a contact list.</summary>
public sealed record SubscriptionEvent : SesEvent
{
    public override SesEventType EventType => SesEventType.Subscription;

    public required SubscriptionInfo Subscription { get; init; }

    public override string Detail => Subscription.ToString();
}
