using SesAnalytics.Engine.Events;

namespace SesAnalytics;

/// <summary>
/// The columnar cache of one store folder (an identity's events of one type on one UTC day): its <see cref="State"/>,
/// the events it holds (null without one), the folder's objects, the cache's size on disk and its folder. Carries its
/// store, so Get-SesEventCache's entries pipe into Update-SesEventCache and Remove-SesEventCache.
/// </summary>
public sealed record EventCacheEntry(
    string Identity,
    SesEventType EventType,
    DateTime Day,
    CacheState State,
    long? Events,
    int Objects,
    long CacheBytes,
    string Path,
    string StorePath,
    string Reason)
{
    public override string ToString() => $"{Identity} {EventType} {Day:yyyy-MM-dd}: {State}";
}
