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
    /// The partitions holding objects, ascending by day then identity (ordinal); a partition's folders in the order of
    /// <see cref="SesEventType"/>. With <paramref name="useCache"/>, each folder whose columnar cache is fresh carries
    /// its cache file, which queries read instead of its objects.
    /// </summary>
    /// <remarks>
    /// Plain loops over lists of classes: this runs before every local query, most often as the first code of a fresh
    /// session, where each generic instantiation over a value type (a sorted dictionary by day, LINQ over days or
    /// tuples) is code compiled on the spot, 0.2 ms apiece; shared code for classes comes compiled with .NET.
    /// </remarks>
    public IReadOnlyList<StorePartition> FindPartitions(IReadOnlyCollection<Wildcard> identities, IReadOnlyCollection<SesEventType> eventTypes, DayRange days, bool useCache = true)
    {
        if (!Directory.Exists(PartitionedRoot))
        {
            _sink.Warning($"The store '{Root}' has no '{FirehoseLayout.PartitionedRoot}' folder yet, so it holds no events.");
            return [];
        }

        List<FolderListing> listings = FindFolders(identities, eventTypes, days);
        var uncached = new List<string>();
        var folders = new List<StoreFolder>(listings.Count);
        foreach (FolderListing listing in listings)
        {
            var objects = new List<string>(listing.Objects.Count);
            foreach (FileInfo file in listing.Objects)
            {
                objects.Add(file.FullName);
            }

            folders.Add(new StoreFolder(listing.EventType, listing.Path, objects) { Cache = useCache ? CacheOf(listing, uncached) : null });
        }

        if (useCache && listings.Count > 0)
        {
            _sink.Verbose(uncached.Count == 0
                ? $"Reading all {listings.Count} folders from the columnar cache."
                : $"Reading {listings.Count - uncached.Count} of {listings.Count} folders from the columnar cache; the others from their objects. Update-SesEventCache -LiteralPath {PowerShellText.Quoted(Root)} builds the cache of those that can have one.");
        }

        return Partitions(listings, folders);
    }

    /// <summary>
    /// Every folder holding objects of the identities, types and days asked, by identity, then type (in the order of
    /// <see cref="SesEventType"/>), then day.
    /// </summary>
    internal List<FolderListing> FindFolders(IReadOnlyCollection<Wildcard> identities, IReadOnlyCollection<SesEventType> eventTypes, DayRange days)
    {
        var found = new List<FolderListing>();
        if (!Directory.Exists(PartitionedRoot))
        {
            return found;
        }

        var wanted = new bool[SesEventTypes.All.Count];
        foreach (SesEventType type in eventTypes)
        {
            // A value outside the enum names no folder of a store.
            if ((uint)type < (uint)wanted.Length)
            {
                wanted[(int)type] = true;
            }
        }

        foreach (IdentityFolder identity in FindIdentities(identities))
        {
            for (int type = 0; type < wanted.Length; type++)
            {
                if (!wanted[type])
                {
                    continue;
                }

                string typePath = Path.Combine(identity.Path, PathSegment.Encode(((SesEventType)type).WireName()));
                if (!Directory.Exists(typePath))
                {
                    continue;
                }

                foreach (DayFolder day in FindDays(typePath, days))
                {
                    IReadOnlyList<FileInfo> objects = ListObjects(day.Path);
                    if (objects.Count > 0)
                    {
                        found.Add(new FolderListing(identity.Identity, (SesEventType)type, day.Day, day.Path, objects));
                    }
                }
            }
        }

        return found;
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

    /// <summary>
    /// The folders of <paramref name="listings"/> (listed with them, in the same order) as partitions: one per identity
    /// and day, ascending by day, then identity (ordinal), its folders by event type.
    /// </summary>
    private static List<StorePartition> Partitions(List<FolderListing> listings, List<StoreFolder> folders)
    {
        var order = new List<ListedFolder>(listings.Count);
        for (int i = 0; i < listings.Count; i++)
        {
            order.Add(new ListedFolder(listings[i], folders[i]));
        }

        order.Sort(static (a, b) => ListedFolder.Compare(a, b));
        var partitions = new List<StorePartition>();
        for (int start = 0; start < order.Count;)
        {
            FolderListing first = order[start].Listing;
            var partition = new List<StoreFolder>();
            int end = start;
            while (end < order.Count && order[end].Listing.Day == first.Day && string.Equals(order[end].Listing.Identity, first.Identity, StringComparison.Ordinal))
            {
                partition.Add(order[end++].Folder);
            }

            partitions.Add(new StorePartition(first.Identity, first.Day, partition));
            start = end;
        }

        return partitions;
    }

    private List<IdentityFolder> FindIdentities(IReadOnlyCollection<Wildcard> patterns)
    {
        var found = new List<IdentityFolder>();
        foreach (string path in Directory.EnumerateDirectories(PartitionedRoot))
        {
            string? identity = PathSegment.Decode(Path.GetFileName(path));
            if (identity is not null && Wildcard.AnyMatch(patterns, identity))
            {
                found.Add(new IdentityFolder(identity, path));
            }
        }

        return found;
    }

    private static List<DayFolder> FindDays(string typePath, DayRange days)
    {
        var found = new List<DayFolder>();
        if (days.DayCount <= MaxProbedDays)
        {
            for (DateOnly day = days.From; day <= days.To; day = day.AddDays(1))
            {
                string path = Path.Combine(typePath, day.ToString(FirehoseLayout.DayFormat, CultureInfo.InvariantCulture));
                if (Directory.Exists(path))
                {
                    found.Add(new DayFolder(day, path));
                }
            }

            return found;
        }

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
                        found.Add(new DayFolder(new DateOnly(year, month, dayOfMonth), dayPath));
                    }
                }
            }
        }

        return found;
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
            var files = new List<FileInfo>(new DirectoryInfo(dayPath).EnumerateFiles("*.gz"));
            files.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            var objects = new List<FileInfo>(files.Count);
            foreach (FileInfo file in files)
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

    private sealed record IdentityFolder(string Identity, string Path);

    private sealed record DayFolder(DateOnly Day, string Path);

    /// <summary>A folder as listed and as it is read, put in partition order by <see cref="Compare"/>.</summary>
    private sealed record ListedFolder(FolderListing Listing, StoreFolder Folder)
    {
        public static int Compare(ListedFolder a, ListedFolder b)
        {
            int order = a.Listing.Day.CompareTo(b.Listing.Day);
            if (order == 0)
            {
                order = string.CompareOrdinal(a.Listing.Identity, b.Listing.Identity);
            }

            return order != 0 ? order : a.Listing.EventType.CompareTo(b.Listing.EventType);
        }
    }
}
