namespace SesAnalytics.Engine.Query.Grouping;

/// <summary>
/// The keys a question groups by, each once, in the order given. The day is not a key: whether rows are per day or over
/// the whole range is the question's own choice.
/// </summary>
public sealed class GroupBy
{
    public GroupBy(IEnumerable<GroupKey> keys)
    {
        Keys = keys.Distinct().ToList();
    }

    /// <summary>Grouped by identity: what the summaries did before grouping existed.</summary>
    public static GroupBy ByIdentity { get; } = new([GroupKey.Identity]);

    /// <summary>Parses what a user typed; empty or null means by identity.</summary>
    public static GroupBy Parse(IEnumerable<string>? texts)
    {
        List<GroupKey> keys = (texts ?? []).Select(GroupKey.Parse).ToList();
        return keys.Count == 0 ? ByIdentity : new GroupBy(keys);
    }

    public IReadOnlyList<GroupKey> Keys { get; }

    /// <summary>Whether each recipient of an event is counted apart (grouping by recipient domain).</summary>
    public bool ByRecipient => Keys.Contains(GroupKey.RecipientDomain);

    public bool Has(GroupDimension dimension) => Keys.Any(k => k.Dimension == dimension);

    /// <summary>The keys other than the identity, which a store partition does not need SQL for.</summary>
    public IReadOnlyList<GroupKey> EventKeys => Keys.Where(k => k != GroupKey.Identity).ToList();

    public override string ToString() => string.Join(", ", Keys);
}
