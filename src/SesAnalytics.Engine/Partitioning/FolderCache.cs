using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// The store folder of each identity, event type and day, encoded once: an import meets the same few thousand
/// combinations a million times. Safe to share between the threads that route records. Each thread first looks in a
/// small table of its own, keyed by the key strings' references (the fast path hands out the same instances again and
/// again), so that most records cost neither a string hash nor a shared lookup.
/// </summary>
internal sealed class FolderCache
{
    public const int MaxSegmentBytes = 255;

    // Past this many combinations (an input of made-up identities) folders are encoded each time rather than kept.
    private const int MaxEntries = 10_000;

    // Each thread's table: room for the few thousand folders of a large import, a few slots searched from the first.
    private const int RecentBits = 11;

    private const int Probes = 4;

    private static int s_lastId;

    [ThreadStatic]
    private static RecentEntries? t_recent;

    private readonly int _id = Interlocked.Increment(ref s_lastId);
    private readonly ConcurrentDictionary<(string Identity, string EventType, DateOnly Day), Entry> _entries = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Entry Get(PartitionKeys keys, DateOnly day)
    {
        string identity = keys.SenderIdentity;
        string eventType = keys.EventType;
        RecentEntries? recent = t_recent;
        if (recent is null || recent.Owner != _id)
        {
            t_recent = recent = new RecentEntries(_id);
        }

        Recent[] slots = recent.Slots;
        int home = Slot(identity, eventType, day);
        for (int probe = 0; probe < Probes; probe++)
        {
            ref Recent slot = ref slots[(home + probe) & (slots.Length - 1)];
            if (slot.Entry is null)
            {
                Entry added = Shared(identity, eventType, day);
                slot = new Recent(identity, eventType, day, added);
                return added;
            }

            if (ReferenceEquals(slot.Identity, identity) && ReferenceEquals(slot.EventType, eventType) && slot.Day == day)
            {
                return slot.Entry;
            }
        }

        Entry entry = Shared(identity, eventType, day);
        slots[home] = new Recent(identity, eventType, day, entry);
        return entry;
    }

    private Entry Shared(string identity, string eventType, DateOnly day)
    {
        var key = (identity, eventType, day);
        if (_entries.TryGetValue(key, out Entry? entry))
        {
            return entry;
        }

        entry = Create(identity, eventType, day);
        return _entries.Count < MaxEntries ? _entries.GetOrAdd(key, entry) : entry;
    }

    /// <summary>A slot from a few characters of each key and the day: cheap, and only ever a hint (a hit compares all three).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(string identity, string eventType, DateOnly day) =>
        (int)(((Mix(identity) * 31) + Mix(eventType) + ((uint)day.DayNumber * 0x9E3779B1u)) * 0x9E3779B1u >> (32 - RecentBits));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(string text) =>
        text.Length == 0 ? 0u : ((uint)text.Length * 0x01000193u) ^ (text[^1] * 0x85EBCA77u) ^ (text[text.Length >> 1] * 0xC2B2AE3Du) ^ text[0];

    private static Entry Create(string identity, string eventType, DateOnly day)
    {
        string? tooLong = Encoding.UTF8.GetByteCount(PathSegment.Encode(identity)) > MaxSegmentBytes ? FirehoseLayout.SenderIdentityKey
            : Encoding.UTF8.GetByteCount(PathSegment.Encode(eventType)) > MaxSegmentBytes ? FirehoseLayout.EventTypeKey
            : null;
        return new Entry(tooLong is null ? FirehoseLayout.DayFolder(identity, eventType, day) : null, tooLong);
    }

    /// <summary>The folder, or the key (<see cref="FirehoseLayout.SenderIdentityKey"/> or <see cref="FirehoseLayout.EventTypeKey"/>) too long for a folder name.</summary>
    public sealed class Entry(string? folder, string? tooLongKey)
    {
        public string? Folder { get; } = folder;

        public string? TooLongKey { get; } = tooLongKey;

        /// <summary>
        /// Whether the import counted this folder among its partitions: read and set only by the thread that applies
        /// routed records, so the count costs a string hash once per folder rather than once per record.
        /// </summary>
        public bool Counted { get; set; }
    }

    private sealed class RecentEntries(int owner)
    {
        public int Owner { get; } = owner;

        public Recent[] Slots { get; } = new Recent[1 << RecentBits];
    }

    private readonly record struct Recent(string Identity, string EventType, DateOnly Day, Entry? Entry);
}
