namespace SesAnalytics;

/// <summary>A contact's topic preferences before or after a subscription change.</summary>
public sealed record TopicPreferences
{
    public bool? UnsubscribeAll { get; init; }

    public IReadOnlyList<TopicSubscriptionStatus> TopicSubscriptionStatus { get; init; } = [];

    public override string ToString() => UnsubscribeAll == true ? "unsubscribed from all" : string.Join(", ", TopicSubscriptionStatus);
}
