using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Query.Grouping;

/// <summary>
/// What every grouped answer carries first: its group as flat properties (null where the answer is not grouped by
/// them), the group as one text for views, and its period: one day (<see cref="Day"/> set) or a range (null).
/// </summary>
public abstract record GroupedRow
{
    protected GroupedRow(GroupValues group, DateOnly? day, DateOnly from, DateOnly to)
    {
        Identity = group.Identity;
        ConfigurationSet = group.ConfigurationSet;
        RecipientDomain = group.RecipientDomain;
        FromDomain = group.FromDomain;
        Tag = group.TagText;
        Group = group.Label;
        Day = day?.ToUtcDateTime();
        From = (day ?? from).ToUtcDateTime();
        To = (day ?? to).ToUtcDateTime();
    }

    public string? Identity { get; init; }

    public string? ConfigurationSet { get; init; }

    public string? RecipientDomain { get; init; }

    public string? FromDomain { get; init; }

    /// <summary>The grouped mail tags that have a value, as <c>campaign=spring; team=growth</c>; null when none has.</summary>
    public string? Tag { get; init; }

    /// <summary>The group's values as one short text, as the table views show it: <c>example.com / spring</c>.</summary>
    public string Group { get; init; }

    public DateTime? Day { get; init; }

    public DateTime From { get; init; }

    public DateTime To { get; init; }
}
