namespace SesAnalytics.Engine.Query.Grouping;

/// <summary>The group of an output row as the flat properties every grouped answer carries.</summary>
public sealed record GroupFields(string? Identity, string? ConfigurationSet, string? RecipientDomain, string? FromDomain, string? Tag, string Group)
{
    public static GroupFields Of(GroupValues values) => new(
        values.Identity,
        values.ConfigurationSet,
        values.RecipientDomain,
        values.FromDomain,
        values.Tags.Count == 0 ? null : string.Join("; ", values.Tags.Select(t => $"{t.Key}={t.Value}")),
        values.Label);
}
