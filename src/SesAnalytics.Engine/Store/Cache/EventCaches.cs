using System.Diagnostics;
using System.Globalization;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Text;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Store.Cache;

/// <summary>
/// The columnar caches of a store's folders: what state each is in, building (or rebuilding) them, dropping them.
/// Import-SesEvent and Save-SesEventObject build the caches of the folders they wrote into; Get-, Update- and
/// Remove-SesEventCache manage them.
/// </summary>
public sealed class EventCaches
{
    private const int ProgressId = 3;
    private const string Activity = "Building the columnar cache";

    /// <summary>Folders built at the same time: a small folder's build is mostly single-threaded fixed costs.</summary>
    private static readonly int BuildsAtOnce = Math.Clamp(Environment.ProcessorCount, 1, 4);

    private readonly EventStore _store;
    private readonly IOutputSink _sink;

    public EventCaches(string storePath, IOutputSink sink)
    {
        _store = new EventStore(storePath, sink);
        _sink = sink;
    }

    public string StorePath => _store.Root;

    /// <summary>The cache entry of every store folder holding objects that the filters select, by identity, type, then day.</summary>
    /// <param name="verify">Also read each cache file's metadata: a file that does not read, or holds another number of rows, is damaged.</param>
    /// <remarks>The caches whose store folder holds no objects any more follow, as <see cref="CacheState.Orphaned"/>.</remarks>
    public IEnumerable<EventCacheEntry> Find(IReadOnlyCollection<Wildcard> identities, IReadOnlyCollection<SesEventType> eventTypes, DayRange days, bool verify) =>
        _store.FindFolders(identities, eventTypes, days)
            .Select(folder => Entry(folder, verify))
            .Concat(Orphans(identities, eventTypes, days));

    /// <summary>The cache folders the filters select whose store folder holds no objects, by identity, type, then day.</summary>
    private IEnumerable<EventCacheEntry> Orphans(IReadOnlyCollection<Wildcard> identities, IReadOnlyCollection<SesEventType> eventTypes, DayRange days)
    {
        string root = EventCache.Root(_store.Root);
        if (!Directory.Exists(root))
        {
            return [];
        }

        // identity/EventType/yyyy/MM/dd: five levels below the cache root.
        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 4, IgnoreInaccessible = true };
        return Directory.EnumerateDirectories(root, "*", options)
            .Select(cacheFolder => (Folder: cacheFolder, Keys: KeysOf(root, cacheFolder)))
            .Where(c => c.Keys is { } keys
                && Wildcard.AnyMatch(identities, keys.Identity)
                && eventTypes.Contains(keys.Type)
                && days.Contains(keys.Day)
                && _store.Listing(keys.Identity, keys.Type, keys.Day).Objects.Count == 0)
            .Select(c => (c.Folder, Keys: c.Keys!.Value))
            .OrderBy(c => c.Keys.Identity, StringComparer.Ordinal)
            .ThenBy(c => c.Keys.Type)
            .ThenBy(c => c.Keys.Day)
            .Select(c => new EventCacheEntry(
                c.Keys.Identity,
                c.Keys.Type,
                c.Keys.Day.ToUtcDateTime(),
                CacheState.Orphaned,
                null,
                0,
                new DirectoryInfo(c.Folder).EnumerateFiles().Sum(f => f.Length),
                c.Folder,
                _store.Root,
                "its store folder holds no objects any more"))
            .ToList();
    }

    /// <summary>The entries of store folders given by path (those an import or a copy wrote into); other paths are left out.</summary>
    public IReadOnlyList<EventCacheEntry> FoldersAt(IEnumerable<string> folderPaths) =>
        folderPaths
            .Select(path => KeysOf(_store.PartitionedRoot, Path.GetFullPath(path, _store.Root)))
            .OfType<(string Identity, SesEventType Type, DateOnly Day)>()
            .Distinct()
            .Select(keys => _store.Listing(keys.Identity, keys.Type, keys.Day))
            .Where(folder => folder.Objects.Count > 0)
            .Select(folder => Entry(folder, verify: false))
            .ToList();

    /// <summary>
    /// Builds the caches of the store folders an import or a copy wrote into, as far as they are not fresh already. A
    /// folder that cannot have one is a warning: the import or copy itself succeeded.
    /// </summary>
    public Task BuildWrittenAsync(IReadOnlyList<EventCacheEntry> written, CancellationToken cancellationToken) =>
        UpdateAsync(written, force: false, _ => Task.FromResult(true), _ => { }, warnUnbuildable: true, cancellationToken);

    /// <summary>
    /// Builds the cache of each entry's folder that is not fresh (every one with <paramref name="force"/>) and that
    /// <paramref name="shouldBuild"/> allows, and hands each one built to <paramref name="built"/>. A folder that cannot
    /// have a cache is reported as an error, or with <paramref name="warnUnbuildable"/> as a warning.
    /// </summary>
    /// <returns>The events cached and the time it took.</returns>
    public async Task<(long Events, TimeSpan Elapsed)> UpdateAsync(
        IReadOnlyList<EventCacheEntry> entries,
        bool force,
        Func<EventCacheEntry, Task<bool>> shouldBuild,
        Action<EventCacheEntry> built,
        bool warnUnbuildable,
        CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        long events = 0;
        int done = 0;
        var building = new Queue<(FolderListing Folder, Task<CacheManifest?> Build)>();
        try
        {
            foreach (EventCacheEntry entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _sink.Progress(new ProgressReport(
                    ProgressId,
                    Activity,
                    string.Create(CultureInfo.InvariantCulture, $"{done} of {entries.Count} folders"),
                    done * 100 / Math.Max(entries.Count, 1),
                    $"{entry.Identity} {entry.EventType} {entry.Day:yyyy-MM-dd}"));
                done++;
                FolderListing folder = _store.Listing(entry.Identity, entry.EventType, entry.Day.ToUtcDay());
                CacheInspection inspection = EventCache.Inspect(_store.Root, folder);
                if (folder.Objects.Count == 0 || (!force && inspection.State == CacheState.Fresh))
                {
                    continue;
                }

                if (!force && inspection.State == CacheState.Unbuildable)
                {
                    ReportUnbuildable(folder, inspection.Reason, warnUnbuildable);
                    continue;
                }

                if (!await shouldBuild(entry).ConfigureAwait(false))
                {
                    continue;
                }

                building.Enqueue((folder, Task.Run(() => Build(folder), CancellationToken.None)));
                while (building.Count >= BuildsAtOnce)
                {
                    events += await Finish(building.Dequeue()).ConfigureAwait(false);
                }
            }

            while (building.Count > 0)
            {
                events += await Finish(building.Dequeue()).ConfigureAwait(false);
            }
        }
        finally
        {
            // Stopped or failed: the builds still running end (each cleans up after itself) before this returns.
            foreach ((FolderListing _, Task<CacheManifest?> task) in building)
            {
                try
                {
                    await task.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Nobody waits for this cache any more.
                }
            }

            _sink.Progress(new ProgressReport(ProgressId, Activity, "Done", 100, Completed: true));
        }

        return (events, elapsed.Elapsed);

        async Task<long> Finish((FolderListing Folder, Task<CacheManifest?> Build) item)
        {
            if (await item.Build.ConfigureAwait(false) is not { } manifest)
            {
                return 0;
            }

            if (manifest.Unbuildable is { } reason)
            {
                ReportUnbuildable(item.Folder, reason, warnUnbuildable);
                return 0;
            }

            built(Entry(item.Folder, verify: false));
            return manifest.Events;
        }

        // A cache that cannot be written (a full disk, a file held open) is that folder's error only.
        CacheManifest? Build(FolderListing folder)
        {
            try
            {
                return EventCacheBuilder.Build(_store.Root, folder, cancellationToken);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                _sink.Error(new SesAnalyticsException(
                    "EventCacheWriteFailed",
                    ErrorKind.WriteError,
                    $"The columnar cache of '{folder.Path}' could not be written: {error.Message} Queries read its objects meanwhile.",
                    EventCache.FolderOf(_store.Root, folder.Path),
                    error));
                return null;
            }
        }
    }

    /// <summary>Removes the entry's cache and the cache folders it leaves empty; whether there was one.</summary>
    public bool Remove(EventCacheEntry entry)
    {
        string folder = EventCache.FolderOf(_store.Root, Path.GetFullPath(Path.Combine(_store.Root, FirehoseLayout.DayFolder(entry.Identity, entry.EventType.WireName(), entry.Day.ToUtcDay()))));
        if (!Directory.Exists(folder))
        {
            return false;
        }

        EventCacheBuilder.Remove(folder);
        string root = EventCache.Root(_store.Root);
        for (string? current = folder; current is not null && current.Length > root.Length && !Directory.EnumerateFileSystemEntries(current).Any(); current = Path.GetDirectoryName(current))
        {
            Directory.Delete(current);
        }

        return true;
    }

    private EventCacheEntry Entry(FolderListing folder, bool verify)
    {
        CacheInspection inspection = EventCache.Inspect(_store.Root, folder);
        if (verify && inspection.State == CacheState.Fresh)
        {
            inspection = Verify(inspection);
        }

        bool holdsEvents = inspection.State == CacheState.Fresh;
        long cacheBytes = File.Exists(inspection.DataFile) ? new FileInfo(inspection.DataFile).Length : 0;
        return new EventCacheEntry(
            folder.Identity,
            folder.EventType,
            folder.Day.ToUtcDateTime(),
            inspection.State,
            holdsEvents ? inspection.Manifest!.Events : null,
            folder.Objects.Count,
            cacheBytes,
            inspection.Folder,
            _store.Root,
            inspection.Reason);
    }

    private static CacheInspection Verify(CacheInspection inspection)
    {
        try
        {
            long rows = EventCacheBuilder.CountRows(inspection.DataFile);
            return rows == inspection.Manifest!.Events
                ? inspection
                : inspection with { State = CacheState.Damaged, Reason = $"'{EventCache.DataFileName}' holds {rows} rows, not the {inspection.Manifest.Events} written" };
        }
        catch (DuckDB.NET.Data.DuckDBException error)
        {
            return inspection with { State = CacheState.Damaged, Reason = $"'{EventCache.DataFileName}' does not read as Parquet: {error.Message.Split('\n', 2)[0]}" };
        }
    }

    private void ReportUnbuildable(FolderListing folder, string reason, bool warn)
    {
        string message = $"The folder '{folder.Path}' has no columnar cache: {reason}. Queries read its objects and report the problem each time; replace the object with a good copy, then run Update-SesEventCache.";
        if (warn)
        {
            _sink.Warning(message);
        }
        else
        {
            _sink.Error(new SesAnalyticsException("EventCacheUnbuildable", ErrorKind.InvalidData, message, folder.Path));
        }
    }

    /// <summary>The identity, type and day of a day folder below <paramref name="root"/> (the store's or the cache's); null for a path that is not one.</summary>
    private static (string Identity, SesEventType Type, DateOnly Day)? KeysOf(string root, string folderPath)
    {
        string[] segments = Path.GetRelativePath(root, folderPath).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (segments.Length != 5
            || PathSegment.Decode(segments[0]) is not { } identity
            || !SesEventTypes.TryParse(PathSegment.Decode(segments[1]), out SesEventType type)
            || !DateOnly.TryParseExact(string.Join('/', segments[2..]), FirehoseLayout.DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
        {
            return null;
        }

        return (identity, type, day);
    }
}
