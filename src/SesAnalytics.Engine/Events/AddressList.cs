using System.Collections.ObjectModel;

namespace SesAnalytics;

/// <summary>
/// Email addresses, equal when they hold the same addresses in the same order, and shown as one line ("a@x, b@y"): so
/// <c>"$event"</c>, <c>Export-Csv</c> and <c>Format-Table</c> show the addresses rather than a collection type name.
/// </summary>
public sealed class AddressList(IList<string> addresses) : ReadOnlyCollection<string>(addresses), IEquatable<AddressList>
{
    public static AddressList None { get; } = new([]);

    public static AddressList From(IReadOnlyList<string> addresses) =>
        addresses as AddressList ?? (addresses.Count == 0 ? None : new AddressList(addresses.ToArray()));

    public bool Equals(AddressList? other) => other is not null && this.SequenceEqual(other, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as AddressList);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (string address in this)
        {
            hash.Add(address, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(", ", this);
}
