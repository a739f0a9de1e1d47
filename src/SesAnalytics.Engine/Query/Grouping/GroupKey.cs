using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Query.Grouping;

/// <summary>
/// One thing to group by: a dimension, or a mail tag by name. Written as a user types it: <c>Identity</c>,
/// <c>ConfigurationSet</c>, <c>RecipientDomain</c>, <c>FromDomain</c> or <c>Tag:&lt;name&gt;</c>. Tag names are
/// compared without case, because Athena's JSON SerDe lower-cases the keys it reads.
/// </summary>
public sealed record GroupKey
{
    public const string TagPrefix = "Tag:";

    private GroupKey(GroupDimension dimension, string? tagName)
    {
        Dimension = dimension;
        TagName = tagName;
    }

    public GroupDimension Dimension { get; }

    /// <summary>The tag's name, lower-case; null unless <see cref="Dimension"/> is <see cref="GroupDimension.Tag"/>.</summary>
    public string? TagName { get; }

    public static GroupKey Identity { get; } = new(GroupDimension.Identity, null);

    public static GroupKey ConfigurationSet { get; } = new(GroupDimension.ConfigurationSet, null);

    public static GroupKey RecipientDomain { get; } = new(GroupDimension.RecipientDomain, null);

    public static GroupKey FromDomain { get; } = new(GroupDimension.FromDomain, null);

    /// <summary>The names a user can type, tags aside, in the order completion offers them.</summary>
    public static IReadOnlyList<string> DimensionNames { get; } =
        [nameof(GroupDimension.Identity), nameof(GroupDimension.ConfigurationSet), nameof(GroupDimension.RecipientDomain), nameof(GroupDimension.FromDomain)];

    public static GroupKey Tag(string name)
    {
        string trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            throw Invalid(TagPrefix + name);
        }

        return new GroupKey(GroupDimension.Tag, trimmed.ToLowerInvariant());
    }

    public static GroupKey Parse(string text)
    {
        string trimmed = text.Trim();
        if (trimmed.StartsWith(TagPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Tag(trimmed[TagPrefix.Length..]);
        }

        return trimmed.ToLowerInvariant() switch
        {
            "identity" => Identity,
            "configurationset" or "configset" => ConfigurationSet,
            "recipientdomain" => RecipientDomain,
            "fromdomain" => FromDomain,
            _ => throw Invalid(text),
        };
    }

    /// <summary>The name of the output property that holds this key's value.</summary>
    public string PropertyName => Dimension == GroupDimension.Tag ? TagPrefix + TagName : Dimension.ToString();

    public override string ToString() => PropertyName;

    private static InvalidInputException Invalid(string text) => new(
        "InvalidGroupBy",
        $"Cannot group by '{text}'. Group by {string.Join(", ", DimensionNames)}, or a mail tag as Tag:<name> (for example Tag:campaign).",
        text);
}
