using System.Globalization;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Store.Cache;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Store;

/// <summary>
/// A local folder laid out as <see cref="FirehoseLayout.Prefix"/> describes (a copy of the bucket, or what
/// Import-SesEvent writes). Finds the partitions a query needs while touching only the folders it needs: the identity
/// names, then for each wanted identity and event type only the day folders of the range. <c>errors/</c> is never read.
/// </summary>
public sealed class EventStore
{
    /// <summary>Up to this many days, day folders are probed by name; beyond it the year/month/day tree is walked.</summary>
    private const int MaxProbedDays = 92;

    private readonly IOutputSink _sink;

    public EventStore(string path, IOutputSink sink)
    {
        Root = Path.GetFullPath(path);
        _sink = sink;
        ThrowIfFile(Root, "-Path");
        if (!Directory.Exists(Root))
        {
            throw new SesAnalyticsException(
                "StoreNotFound",
                ErrorKind.ObjectNotFound,
                $"The event store '{Root}' does not exist. Create it with Import-SesEvent, or copy the bucket's '{FirehoseLayout.PartitionedRoot}/' folder there (aws s3 sync s3://<bucket>/{FirehoseLayout.PartitionedRoot}/ '{Path.Combine(Root, FirehoseLayout.PartitionedRoot)}'), then try again.",
                Root);
        }
    }

    public string Root { get; }

    /// <summary>
    /// Makes <paramref name="path"/> an empty store (its <c>partitioned/</c> folder), so that a copy or import that found
    /// nothing still leaves a store every <c>-Path</c> query answers, with nothing.
    /// </summary>
    public static void CreateEmpty(string path)
    {
        ThrowIfFile(Path.GetFullPath(path), "-Destination");
        Directory.CreateDirectory(Path.Combine(Path.GetFullPath(path), FirehoseLayout.PartitionedRoot));
    }

    /// <summary>
    /// A store is a folder: a file given for one (an object, an export) is its own error, not a store that "does not exist".
    /// </summary>
    /// <param name="root">The full path given.</param>
    /// <param name="parameter">The parameter that named it, for the message.</param>
    public static void ThrowIfFile(string root, string parameter)
    {
        if (File.Exists(root))
        {
            throw new SesAnalyticsException(
                "StorePathIsFile",
                ErrorKind.InvalidArgument,
                $"'{root}' is a file, not a store folder: give {parameter} the folder that holds (or will hold) '{FirehoseLayout.PartitionedRoot}/'. To read the events of this file, import it into a store first: Import-SesEvent -LiteralPath {PowerShellText.Quoted(root)} -Destination <folder>.",
                root);
        }
    }

    /// <summary>Whether <paramref name="path"/> is a store already (it has a <c>partitioned/</c> folder).</summary>
    public static bool Exists(string path) =>
        Directory.Exists(Path.Combine(Path.GetFullPath(path), FirehoseLayout.PartitionedRoot));

    public string PartitionedRoot => Path.Combine(Root, FirehoseLayout.PartitionedRoot);

    /// <summary>The sender identities the store holds folders of, sorted (ordinal): what tab completion offers.</summary>
    public IReadOnlyList<string> Identities() =>
        Directory.Exists(PartitionedRoot)
            ? FindIdentities([]).Select(i => i.Identity).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>
    /// The partitions holding objects, ascending by day then identity (ordinal). With <paramref name="useCache"/>, each
    /// folder whose columnar cache is fresh carries its cache file, which queries read instead of its objects.
    /// </summary>
    public IReadOnlyList<StorePartition> FindPartitions(IReadOnlyCollection<Wildcard> identities, IReadOnlyCollection<SesEventType> eventTypes, DayRange days, bool useCache = true)
    {
        if (!Directory.Exists(PartitionedRoot))
        {
            _sink.Warning($"The store '{Root}' has no '{FirehoseLayout.PartitionedRoot}' folder yet, so it holds no events.");
            return [];
        }

        var partitions = new List<StorePartition>();
        var uncached = new List<string>();
        int folderCount = 0;
        foreach (IGrouping<string, FolderListing> identity in FindFolders(identities, eventTypes, days).GroupBy(f => f.Identity, StringComparer.Ordinal))
        {
            var byDay = new SortedDictionary<DateOnly, List<StoreFolder>>();
            foreach (FolderListing listing in identity)
            {
                if (!byDay.TryGetValue(listing.Day, out List<StoreFolder>? folders))
                {
                    byDay[listing.Day] = folders = [];
                }

                string? cache = null;
                if (useCache)
                {
                    folderCount++;
                    cache = CacheOf(listing, uncached);
                }

                folders.Add(new StoreFolder(listing.EventType, listing.Path, listing.Objects.Select(o => o.FullName).ToList()) { Cache = cache });
            }

            partitions.AddRange(byDay.Select(d => new StorePartition(identity.Key, d.Key, d.Value)));
        }

        if (folderCount > 0)
        {
            _sink.Verbose(uncached.Count == 0
                ? $"Reading all {folderCount} folders from the columnar cache."
                : $"Reading {folderCount - uncached.Count} of {folderCount} folders from the columnar cache; the others from their objects. Update-SesEventCache -LiteralPath {PowerShellText.Quoted(Root)} builds the cache of those that can have one.");
        }

        return partitions
            .OrderBy(p => p.Day)
            .ThenBy(p => p.Identity, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every folder holding objects of the identities, types and days asked, by identity, then type, then day.</summary>
    internal IEnumerable<FolderListing> FindFolders(IReadOnlyCollection<Wildcard> identities, IReadOnlyCollection<SesEventType> eventTypes, DayRange days)
    {
        if (!Directory.Exists(PartitionedRoot))
        {
            yield break;
        }

        foreach ((string identity, string identityPath) in FindIdentities(identities))
        {
            foreach (SesEventType type in eventTypes.Distinct().Order())
            {
                string typePath = Path.Combine(identityPath, PathSegment.Encode(type.WireName()));
                if (!Directory.Exists(typePath))
                {
                    continue;
                }

                foreach ((DateOnly day, string dayPath) in FindDays(typePath, days))
                {
                    IReadOnlyList<FileInfo> objects = ListObjects(dayPath);
                    if (objects.Count > 0)
                    {
                        yield return new FolderListing(identity, type, day, dayPath, objects);
                    }
                }
            }
        }
    }

    /// <summary>The folder of <paramref name="identity"/>, <paramref name="type"/> and <paramref name="day"/> as it is now (maybe without objects).</summary>
    internal FolderListing Listing(string identity, SesEventType type, DateOnly day)
    {
        string dayPath = Path.GetFullPath(Path.Combine(Root, FirehoseLayout.DayFolder(identity, type.WireName(), day)));
        return new FolderListing(identity, type, day, dayPath, Directory.Exists(dayPath) ? ListObjects(dayPath) : []);
    }

    /// <summary>The fresh cache file of a folder, or null; says why a cache there is not used.</summary>
    private string? CacheOf(FolderListing listing, List<string> uncached)
    {
        CacheInspection inspection = EventCache.Inspect(Root, listing);
        if (inspection.State == CacheState.Fresh)
        {
            return inspection.DataFile;
        }

        uncached.Add(listing.Path);
        if (inspection.State is CacheState.Stale or CacheState.Damaged)
        {
            _sink.Verbose($"The columnar cache of '{listing.Path}' is {inspection.State.ToString().ToLowerInvariant()} ({inspection.Reason}): its objects are read instead. Update-SesEventCache -LiteralPath {PowerShellText.Quoted(Root)} rebuilds it.");
        }

        return null;
    }

    private IEnumerable<(string Identity, string Path)> FindIdentities(IReadOnlyCollection<Wildcard> patterns)
    {
        foreach (string path in Directory.EnumerateDirectories(PartitionedRoot))
        {
            string? identity = PathSegment.Decode(Path.GetFileName(path));
            if (identity is not null && Wildcard.AnyMatch(patterns, identity))
            {
                yield return (identity, path);
            }
        }
    }

    private static IEnumerable<(DateOnly Day, string Path)> FindDays(string typePath, DayRange days)
    {
        if (days.DayCount <= MaxProbedDays)
        {
            return days.Days
                .Select(day => (Day: day, Path: Path.Combine(typePath, day.ToString(FirehoseLayout.DayFormat, CultureInfo.InvariantCulture))))
                .Where(d => Directory.Exists(d.Path));
        }

        return WalkDays(typePath, days);
    }

    private static IEnumerable<(DateOnly Day, string Path)> WalkDays(string typePath, DayRange days)
    {
        foreach (string yearPath in Directory.EnumerateDirectories(typePath))
        {
            if (!TryNumber(yearPath, 4, out int year) || year < days.From.Year || year > days.To.Year)
            {
                continue;
            }

            foreach (string monthPath in Directory.EnumerateDirectories(yearPath))
            {
                if (!TryNumber(monthPath, 2, out int month) || month is < 1 or > 12)
                {
                    continue;
                }

                foreach (string dayPath in Directory.EnumerateDirectories(monthPath))
                {
                    if (TryNumber(dayPath, 2, out int dayOfMonth)
                        && dayOfMonth >= 1
                        && dayOfMonth <= DateTime.DaysInMonth(year, month)
                        && days.Contains(new DateOnly(year, month, dayOfMonth)))
                    {
                        yield return (new DateOnly(year, month, dayOfMonth), dayPath);
                    }
                }
            }
        }
    }

    private static bool TryNumber(string path, int digits, out int value)
    {
        string name = Path.GetFileName(path);
        value = 0;
        return name.Length == digits && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private IReadOnlyList<FileInfo> ListObjects(string dayPath)
    {
        try
        {
            var objects = new List<FileInfo>();
            foreach (FileInfo file in new DirectoryInfo(dayPath).EnumerateFiles("*.gz").OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                // An empty file holds no event (Firehose never writes one): not an object to read, nor an error.
                if (file.Length == 0)
                {
                    _sink.Verbose($"Skipped the empty file '{file.FullName}'.");
                    continue;
                }

                objects.Add(file);
            }

            return objects;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            _sink.Error(new SesAnalyticsException(
                "StoreFolderUnreadable",
                ErrorKind.ReadError,
                $"Cannot list the objects in '{dayPath}': {error.Message} Its events are left out; fix the folder's permissions and run the command again.",
                dayPath,
                error));
            return [];
        }
    }
}
