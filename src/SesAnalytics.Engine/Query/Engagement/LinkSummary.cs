using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Query.Engagement;

/// <summary>One clicked link of one group over a range of days: its clicks and the distinct recipients who clicked it.</summary>
public sealed record LinkSummary
{
    public string? Identity { get; init; }

    public string? ConfigurationSet { get; init; }

    public string? RecipientDomain { get; init; }

    public string? FromDomain { get; init; }

    /// <summary>The grouped mail tags as <c>name=value</c> pairs joined by <c>; </c>.</summary>
    public string? Tag { get; init; }

    public required string Group { get; init; }

    public required DateTime From { get; init; }

    public required DateTime To { get; init; }

    public string? Link { get; init; }

    /// <summary>The link's tags (SES's <c>ses:tags</c> on the anchor) as <c>name=value</c> pairs joined by <c>; </c>.</summary>
    public string? LinkTags { get; init; }

    public long Clicks { get; init; }

    public long ClickedRecipients { get; init; }

    internal static LinkSummary Create(GroupValues group, DayRange days, string? link, string? linkTags, long clicks, long clickedRecipients) => new()
    {
        Identity = group.Identity,
        ConfigurationSet = group.ConfigurationSet,
        RecipientDomain = group.RecipientDomain,
        FromDomain = group.FromDomain,
        Tag = GroupText.Tag(group),
        Group = group.Label,
        From = days.From.ToUtcDateTime(),
        To = days.To.ToUtcDateTime(),
        Link = link,
        LinkTags = string.IsNullOrEmpty(linkTags) ? null : linkTags,
        Clicks = clicks,
        ClickedRecipients = clickedRecipients,
    };

    public override string ToString() => $"{Link} ({ClickedRecipients} recipients)";
}
