using System.Globalization;

namespace SesAnalytics.Engine.Query.Grouping;

/// <summary>
/// The values of one group, one per key of its <see cref="GroupBy"/> (null where an event has none, such as mail sent
/// without a configuration set). Equal when the grouping and every value are equal, so rows of many partitions fold
/// into one group with a dictionary.
/// </summary>
public sealed class GroupValues : IEquatable<GroupValues>
{
    private static readonly IdnMapping Idn = new();
    private readonly string?[] _values;

    public GroupValues(GroupBy grouping, IEnumerable<string?> values)
    {
        GroupBy = grouping;
        _values = values.ToArray();
        if (_values.Length != grouping.Keys.Count)
        {
            throw new ArgumentException($"{_values.Length} values for the {grouping.Keys.Count} keys {grouping}.", nameof(values));
        }

        for (int i = 0; i < _values.Length; i++)
        {
            _values[i] = Normalize(grouping.Keys[i], _values[i]);
        }
    }

    public GroupBy GroupBy { get; }

    public IReadOnlyList<string?> Values => _values;

    public string? Identity => Get(GroupKey.Identity);

    public string? ConfigurationSet => Get(GroupKey.ConfigurationSet);

    public string? RecipientDomain => Get(GroupKey.RecipientDomain);

    public string? FromDomain => Get(GroupKey.FromDomain);

    /// <summary>The grouped tags and their values, by lower-case tag name.</summary>
    public IReadOnlyDictionary<string, string?> Tags =>
        GroupBy.Keys.Select((k, i) => (k, i)).Where(p => p.k.TagName is not null).ToDictionary(p => p.k.TagName!, p => _values[p.i], StringComparer.Ordinal);

    /// <summary>The grouped tags that have a value, as <c>campaign=spring; team=growth</c>; null when none has.</summary>
    public string? TagText
    {
        get
        {
            string[] pairs = Tags.Where(t => t.Value is not null).Select(t => $"{t.Key}={t.Value}").ToArray();
            return pairs.Length == 0 ? null : string.Join("; ", pairs);
        }
    }

    /// <summary>The values as one short text, for views: <c>example.com / spring-sale</c>; a missing value is <c>-</c>.</summary>
    public string Label => string.Join(" / ", _values.Select(v => v ?? "-"));

    public string? Get(GroupKey key)
    {
        for (int i = 0; i < _values.Length; i++)
        {
            if (GroupBy.Keys[i] == key)
            {
                return _values[i];
            }
        }

        return null;
    }

    /// <summary>
    /// Domains are lower-case and in Unicode (<c>xn--bcher-kva.example</c> is <c>bücher.example</c>), so one domain is
    /// one group whichever way SES wrote it; an empty value is no value.
    /// </summary>
    public static string? Normalize(GroupKey key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (key.Dimension is not (GroupDimension.RecipientDomain or GroupDimension.FromDomain))
        {
            return value;
        }

        string domain = value.Trim().TrimEnd('.').ToLowerInvariant();
        try
        {
            return Idn.GetUnicode(domain);
        }
        catch (ArgumentException)
        {
            // Not a valid IDN label sequence (a literal address, a typo): grouped as written.
            return domain;
        }
    }

    public bool Equals(GroupValues? other) =>
        other is not null && GroupBy.Keys.SequenceEqual(other.GroupBy.Keys) && _values.AsSpan().SequenceEqual(other._values);

    public override bool Equals(object? obj) => Equals(obj as GroupValues);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (string? value in _values)
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => Label;
}
