using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SesAnalytics.Engine.Stack;

/// <summary>
/// A JSON object of the template model whose keys keep the order they were added in, so that the JSON and YAML texts
/// read the way CloudFormation's documentation lays them out. Values are strings, numbers, booleans, lists and maps.
/// </summary>
public sealed class CfnMap : IEnumerable<KeyValuePair<string, object>>
{
    private readonly List<KeyValuePair<string, object>> _entries = [];

    public int Count => _entries.Count;

    public object this[string key] => TryGetValue(key, out object? value)
        ? value
        : throw new KeyNotFoundException($"The template map has no key '{key}'.");

    public void Add(string key, object value)
    {
        if (ContainsKey(key))
        {
            throw new ArgumentException($"The template map already has the key '{key}'.", nameof(key));
        }

        _entries.Add(new KeyValuePair<string, object>(key, value));
    }

    /// <summary>Adds the entry only when there is a value: optional properties stay out of the template.</summary>
    public void AddIfPresent(string key, object? value)
    {
        if (value is not null)
        {
            Add(key, value);
        }
    }

    public bool ContainsKey(string key) => _entries.Exists(e => e.Key == key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value)
    {
        foreach (KeyValuePair<string, object> entry in _entries)
        {
            if (entry.Key == key)
            {
                value = entry.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
