using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Store;

/// <summary>Everything a store holds for one identity on one UTC day, one folder per event type present.</summary>
public sealed record StorePartition(string Identity, DateOnly Day, IReadOnlyList<StoreFolder> Folders)
{
    public IReadOnlyList<StoreFolder> FoldersOf(SesEventType type) => Folders.Where(f => f.EventType == type).ToList();

    /// <summary>Whether a folder is read from its cache.</summary>
    public bool ReadsCache => Folders.Any(f => f.Cache is not null);

    /// <summary>The same folders read from their objects: what a failed read of a cache file falls back to.</summary>
    public StorePartition WithoutCache() => this with { Folders = Folders.Select(f => f with { Cache = null }).ToList() };

    public StorePartition Without(IReadOnlySet<string> objects) =>
        this with
        {
            Folders = Folders
                .Select(f => f with { Objects = f.Objects.Where(o => !objects.Contains(o)).ToList() })
                .Where(f => f.Objects.Count > 0)
                .ToList(),
        };
}
