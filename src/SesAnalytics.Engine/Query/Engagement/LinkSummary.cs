using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Time;

namespace SesAnalytics;

/// <summary>One clicked link of one group over a range of days: its clicks and the distinct recipients who clicked it.</summary>
public sealed record LinkSummary : GroupedRow
{
    internal LinkSummary(GroupValues group, DateOnly? day, DateOnly from, DateOnly to)
        : base(group, day, from, to)
    {
    }

    public string? Link { get; init; }

    /// <summary>The link's tags (SES's <c>ses:tags</c> on the anchor) as <c>name=value</c> pairs joined by <c>; </c>.</summary>
    public string? LinkTags { get; init; }

    public long Clicks { get; init; }

    public long ClickedRecipients { get; init; }

    internal static LinkSummary Create(GroupValues group, DayRange days, string? link, string? linkTags, long clicks, long clickedRecipients) => new(group, null, days.From, days.To)
    {
        Link = link,
        LinkTags = string.IsNullOrEmpty(linkTags) ? null : linkTags,
        Clicks = clicks,
        ClickedRecipients = clickedRecipients,
    };

    public override string ToString() => $"{Link} ({ClickedRecipients} recipients)";
}
