namespace SesAnalytics.Engine.Query.Engagement;

/// <summary>
/// What both engines count for one group (and day): distinct (message, recipient) pairs and distinct events, opens
/// with and without those set apart as proxy prefetches, so the choice to include them needs no second query. The
/// counts of different sender identities add up exactly: a message, and so each pair and event, belongs to one identity.
/// </summary>
internal sealed record EngagementCounts(
    long DeliveredRecipients,
    long OpenedRecipients,
    long OpenedRecipientsWithProxies,
    long ClickedRecipients,
    long Opens,
    long OpensWithProxies,
    long Clicks,
    long ProxyOpens)
{
    /// <summary>How many count columns a query selects after the day and the group keys, in this record's order.</summary>
    public const int ColumnCount = 8;

    public static EngagementCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public static EngagementCounts FromColumns(Func<int, long> column) =>
        new(column(0), column(1), column(2), column(3), column(4), column(5), column(6), column(7));

    public EngagementCounts Add(EngagementCounts other) => new(
        DeliveredRecipients + other.DeliveredRecipients,
        OpenedRecipients + other.OpenedRecipients,
        OpenedRecipientsWithProxies + other.OpenedRecipientsWithProxies,
        ClickedRecipients + other.ClickedRecipients,
        Opens + other.Opens,
        OpensWithProxies + other.OpensWithProxies,
        Clicks + other.Clicks,
        ProxyOpens + other.ProxyOpens);
}
