using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Query.Breakdowns;

/// <summary>
/// A reputation summary as asked: the events (identities, days), how to group them, which configuration sets
/// (wildcards, as -Identity), per day or over the whole range, with or without the preceding period, judged how.
/// </summary>
public sealed record SummaryRequest(
    EventQuery Query,
    GroupBy GroupBy,
    IReadOnlyList<string> ConfigurationSets,
    bool Total,
    bool Compare,
    ReputationThresholds Thresholds)
{
    /// <summary>Checked when the request is made, so a bad pattern is an error even where nothing would match.</summary>
    public IReadOnlyList<Wildcard> ConfigurationSetPatterns { get; } = ConfigurationSets.Select(p => new Wildcard(p)).ToList();

    /// <summary>
    /// The period before <see cref="Days"/> that <see cref="Compare"/> sets beside it: the day before each day, or with
    /// <see cref="Total"/> the range of equal length that ends the day before.
    /// </summary>
    public int PreviousDays => !Compare ? 0 : Total ? Query.Days.DayCount : 1;

    public DayRange Days => Query.Days;

    /// <summary>The days read: the asked ones and the previous period's.</summary>
    public DayRange ReadDays => new(Days.From.AddDays(-PreviousDays), Days.To);

    /// <summary>Whether an event's own fields are needed (a key besides the identity, or a configuration set filter).</summary>
    public bool ReadsEventFields => GroupBy.EventKeys.Count > 0 || ConfigurationSets.Count > 0;
}
