using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// The store folder of each identity, event type and day, encoded once: an import meets the same few thousand
/// combinations a million times. Safe to share between the threads that route records.
/// </summary>
internal sealed class FolderCache
{
    public const int MaxSegmentBytes = 255;

    // Past this many combinations (an input of made-up identities) folders are encoded each time rather than kept.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(string Identity, string EventType, DateOnly Day), Entry> _entries = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Entry Get(PartitionKeys keys, DateOnly day)
    {
        var key = (keys.SenderIdentity, keys.EventType, day);
        if (_entries.TryGetValue(key, out Entry? entry))
        {
            return entry;
        }

        entry = Create(keys.SenderIdentity, keys.EventType, day);
        if (_entries.Count < MaxEntries)
        {
            _entries.TryAdd(key, entry);
        }

        return entry;
    }

    private static Entry Create(string identity, string eventType, DateOnly day)
    {
        string? tooLong = Encoding.UTF8.GetByteCount(PathSegment.Encode(identity)) > MaxSegmentBytes ? FirehoseLayout.SenderIdentityKey
            : Encoding.UTF8.GetByteCount(PathSegment.Encode(eventType)) > MaxSegmentBytes ? FirehoseLayout.EventTypeKey
            : null;
        return new Entry(tooLong is null ? FirehoseLayout.DayFolder(identity, eventType, day) : null, tooLong);
    }

    /// <summary>The folder, or the key (<see cref="FirehoseLayout.SenderIdentityKey"/> or <see cref="FirehoseLayout.EventTypeKey"/>) too long for a folder name.</summary>
    public sealed record Entry(string? Folder, string? TooLongKey);
}
