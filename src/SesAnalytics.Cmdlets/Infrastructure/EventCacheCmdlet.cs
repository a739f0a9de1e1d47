using System.Management.Automation;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Store.Cache;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// The columnar cache commands: the stores (-Path with wildcards, -LiteralPath) and the folders of them (identities,
/// event types, days; every day unless -From or -To), or the entries Get-SesEventCache wrote (-InputObject).
/// </summary>
public abstract class EventCacheCmdlet : AsyncCmdlet
{
    protected const string PathSet = "Path";
    protected const string LiteralPathSet = "LiteralPath";
    protected const string InputObjectSet = "InputObject";

    private readonly List<string> _stores = [];

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP", "StorePath")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StoreIdentityCompleter))]
    public string[]? Identity { get; set; }

    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    [SesEventTypeArgument]
    [ArgumentCompleter(typeof(SesEventTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? EventType { get; set; }

    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    public DateTime? From { get; set; }

    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    public DateTime? To { get; set; }

    protected override void PrepareRecord()
    {
        _stores.Clear();
        if (ParameterSetName == LiteralPathSet)
        {
            _stores.AddRange(LiteralPath.Select(GetUnresolvedProviderPathFromPSPath));
            return;
        }

        if (ParameterSetName != PathSet)
        {
            return;
        }

        foreach (string path in Path)
        {
            try
            {
                _stores.AddRange(GetResolvedProviderPathFromPSPath(path, out _));
            }
            catch (ItemNotFoundException error)
            {
                EmitError(new ErrorRecord(error, "StoreNotFound", ErrorCategory.ObjectNotFound, path));
            }
        }
    }

    /// <summary>
    /// The entries this record selects, with each store's caches, store by store: one that cannot be read (no store
    /// there) is that store's error only.
    /// </summary>
    protected IEnumerable<(EventCaches Caches, IReadOnlyList<EventCacheEntry> Entries)> Selected(IEnumerable<EventCacheEntry> piped, bool verify)
    {
        if (ParameterSetName == InputObjectSet)
        {
            foreach (IGrouping<string, EventCacheEntry> store in piped.GroupBy(e => e.StorePath, StringComparer.Ordinal))
            {
                if (Open(store.Key) is { } caches)
                {
                    yield return (caches, store.ToList());
                }
            }

            yield break;
        }

        var identities = (Identity ?? []).Select(i => new Wildcard(i)).ToList();
        IReadOnlyList<SesEventType> types = SesEventTypeArgumentAttribute.ToTypes(EventType) ?? SesEventTypes.All;
        var days = DayRange.Bounded(From, To);
        foreach (string store in _stores)
        {
            if (Open(store) is { } caches)
            {
                yield return (caches, caches.Find(identities, types, days, verify).ToList());
            }
        }
    }

    private EventCaches? Open(string store)
    {
        try
        {
            return new EventCaches(store, Sink);
        }
        catch (SesAnalyticsException error)
        {
            EmitError(error, store);
            return null;
        }
    }
}
