namespace SesAnalytics;

/// <summary>The <c>subscription</c> object: a contact changed its subscription to a contact list.</summary>
public sealed record SubscriptionInfo
{
    public string? ContactList { get; init; }

    public DateTime? Timestamp { get; init; }

    /// <summary>How the change was made, for instance UnsubscribeHeader.</summary>
    public string? Source { get; init; }

    public TopicPreferences? NewTopicPreferences { get; init; }

    public TopicPreferences? OldTopicPreferences { get; init; }

    public override string ToString() => ContactList ?? string.Empty;
}
