using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Query.Engagement;

/// <summary>
/// Folds the rows of either engine into the objects a user gets, in the same order: rows of one group and day (from
/// several identities' statements, or from spellings of one domain) are added up, then ordered by day and group.
/// </summary>
internal static class EngagementResults
{
    public static IReadOnlyList<EngagementSummary> Summaries(IEnumerable<EngagementRow> rows, EngagementQuery query)
    {
        var folded = new Dictionary<(DateOnly?, GroupValues), EngagementCounts>();
        foreach (EngagementRow row in rows)
        {
            var key = (row.Day, row.Group);
            folded[key] = folded.GetValueOrDefault(key, EngagementCounts.Zero).Add(row.Counts);
        }

        return folded
            .OrderBy(p => p.Key.Item1)
            .ThenBy(p => p.Key.Item2, Comparer<GroupValues>.Create(GroupText.Compare))
            .Select(p => EngagementSummary.Create(p.Key.Item2, p.Key.Item1, query.Days, p.Value, query.IncludeProxyOpens))
            .ToList();
    }

    /// <summary>Each group's <see cref="LinkQuery.Top"/> links, most clicking recipients first, then most clicks, then by link.</summary>
    public static IReadOnlyList<LinkSummary> Links(IEnumerable<LinkRow> rows, LinkQuery query)
    {
        var folded = new Dictionary<(GroupValues Group, string? Link, string? Tags), (long Clicks, long Recipients)>();
        foreach (LinkRow row in rows)
        {
            var key = (row.Group, row.Link, string.IsNullOrEmpty(row.LinkTags) ? null : row.LinkTags);
            (long clicks, long recipients) = folded.GetValueOrDefault(key);
            folded[key] = (clicks + row.Clicks, recipients + row.ClickedRecipients);
        }

        return folded
            .GroupBy(p => p.Key.Group)
            .OrderBy(g => g.Key, Comparer<GroupValues>.Create(GroupText.Compare))
            .SelectMany(g => g
                .OrderByDescending(p => p.Value.Recipients)
                .ThenByDescending(p => p.Value.Clicks)
                .ThenBy(p => p.Key.Link, StringComparer.Ordinal)
                .ThenBy(p => p.Key.Tags, StringComparer.Ordinal)
                .Take(query.Top))
            .Select(p => LinkSummary.Create(p.Key.Group, query.Days, p.Key.Link, p.Key.Tags, p.Value.Clicks, p.Value.Recipients))
            .ToList();
    }
}
