using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Store;

/// <summary>Everything a store holds for one identity on one UTC day, one folder per event type present.</summary>
public sealed record StorePartition(string Identity, DateOnly Day, IReadOnlyList<StoreFolder> Folders)
{
    public IReadOnlyList<string> Objects(SesEventType type) =>
        Folders.Where(f => f.EventType == type).SelectMany(f => f.Objects).ToList();

    public StorePartition Without(IReadOnlySet<string> objects) =>
        this with
        {
            Folders = Folders
                .Select(f => f with { Objects = f.Objects.Where(o => !objects.Contains(o)).ToList() })
                .Where(f => f.Objects.Count > 0)
                .ToList(),
        };
}
