using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Objects;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Store.Cache;

/// <summary>
/// Where a store folder's columnar cache lives and whether it can be trusted. The cache of
/// <c>partitioned/&lt;identity&gt;/&lt;EventType&gt;/yyyy/MM/dd</c> is the same path under <c>.sesanalytics/cache</c>
/// (<c>partitioned/</c> stays exactly the bucket's layout), holding <see cref="DataFileName"/> and
/// <see cref="ManifestFileName"/>. It is fresh only when its manifest names exactly the folder's objects (name, size,
/// last write time), its schema is the current one and the cache file has the size written.
/// </summary>
internal static class EventCache
{
    public const string DataFileName = "events.parquet";
    public const string ManifestFileName = "manifest.json";

    /// <summary>Changes when the way a cache file is written changes; the fields are part of <see cref="SchemaOf"/>.</summary>
    private const string FormatVersion = "1";

    public static string Root(string storeRoot) => Path.Combine(storeRoot, ObjectManifest.Folder, "cache");

    /// <summary>The cache folder of the store folder <paramref name="folderPath"/>.</summary>
    public static string FolderOf(string storeRoot, string folderPath) =>
        Path.Combine(Root(storeRoot), Path.GetRelativePath(Path.Combine(storeRoot, FirehoseLayout.PartitionedRoot), folderPath));

    /// <summary>
    /// The schema of a type's cache: its fields and types and how its derived columns are computed, so a change to
    /// any of them makes every older cache stale.
    /// </summary>
    public static string SchemaOf(SesEventType type) => Schemas[type];

    /// <summary>Computed once: every folder a query inspects is checked against its type's schema.</summary>
    private static readonly Dictionary<SesEventType, string> Schemas = Enum.GetValues<SesEventType>().ToDictionary(t => t, ComputeSchema);

    private static string ComputeSchema(SesEventType type)
    {
        DuckDbColumns columns = EventFields.Of(type);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(columns.Render() + "\n" + columns.Derive()));
        return FormatVersion + ":" + Convert.ToHexString(hash)[..16].ToLowerInvariant();
    }

    public static CacheInspection Inspect(string storeRoot, FolderListing folder)
    {
        string cacheFolder = FolderOf(storeRoot, folder.Path);
        string dataFile = Path.Combine(cacheFolder, DataFileName);
        CacheManifest? manifest;
        try
        {
            manifest = CacheManifest.Load(Path.Combine(cacheFolder, ManifestFileName));
        }
        catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return new CacheInspection(CacheState.Damaged, cacheFolder, dataFile, null, $"its manifest cannot be read: {error.Message}");
        }

        if (manifest is null)
        {
            return new CacheInspection(CacheState.Missing, cacheFolder, dataFile, null, "it has not been built");
        }

        if (!manifest.Describes(CacheManifest.Snapshot(folder.Objects)))
        {
            return new CacheInspection(CacheState.Stale, cacheFolder, dataFile, manifest, "the folder's objects changed since it was built");
        }

        if (manifest.Unbuildable is { } reason)
        {
            return new CacheInspection(CacheState.Unbuildable, cacheFolder, dataFile, manifest, reason);
        }

        if (manifest.Schema != SchemaOf(folder.EventType))
        {
            return new CacheInspection(CacheState.Stale, cacheFolder, dataFile, manifest, "it was built by another version of the module");
        }

        var data = new FileInfo(dataFile);
        return !data.Exists || data.Length != manifest.CacheBytes
            ? new CacheInspection(CacheState.Damaged, cacheFolder, dataFile, manifest, $"'{DataFileName}' is missing or not the size written")
            : new CacheInspection(CacheState.Fresh, cacheFolder, dataFile, manifest, "it holds the folder's objects as they are");
    }
}

/// <summary>What <see cref="EventCache.Inspect"/> found for one folder, and why.</summary>
internal sealed record CacheInspection(CacheState State, string Folder, string DataFile, CacheManifest? Manifest, string Reason);
