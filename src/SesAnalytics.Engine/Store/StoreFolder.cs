using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Store;

/// <summary>
/// One <c>&lt;identity&gt;/&lt;EventType&gt;/yyyy/MM/dd</c> folder of a store and the objects in it; <see cref="Cache"/>
/// is its columnar cache file when that is fresh (it holds exactly these objects' events), which queries read instead.
/// </summary>
public sealed record StoreFolder(SesEventType EventType, string Path, IReadOnlyList<string> Objects)
{
    public string? Cache { get; init; }
}
