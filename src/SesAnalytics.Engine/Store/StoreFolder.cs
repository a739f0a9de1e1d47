using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Store;

/// <summary>One <c>&lt;identity&gt;/&lt;EventType&gt;/yyyy/MM/dd</c> folder of a store and the objects in it.</summary>
public sealed record StoreFolder(SesEventType EventType, string Path, IReadOnlyList<string> Objects);
