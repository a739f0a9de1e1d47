using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Store;

/// <summary>One store folder as listed: its keys and its objects (non-empty <c>*.gz</c> files, by name).</summary>
internal sealed record FolderListing(string Identity, SesEventType EventType, DateOnly Day, string Path, IReadOnlyList<FileInfo> Objects);
