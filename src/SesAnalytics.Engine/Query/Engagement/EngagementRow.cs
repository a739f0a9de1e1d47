using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Query.Engagement;

/// <summary>One result row of an engagement statement: its day (null over the whole range), group and counts.</summary>
internal sealed record EngagementRow(DateOnly? Day, GroupValues Group, EngagementCounts Counts);

/// <summary>One result row of a links statement.</summary>
internal sealed record LinkRow(GroupValues Group, string? Link, string? LinkTags, long Clicks, long ClickedRecipients);
