using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesAnalytics.Engine.Store.Cache;

/// <summary>
/// The <c>manifest.json</c> beside a folder's cache file: what it was built from (each object's name, size and last
/// write time), the schema it was built with, and the cache file's own size and row count; or, for a folder that could
/// not be built, why, for the same objects.
/// </summary>
internal sealed record CacheManifest(
    string Schema,
    IReadOnlyList<CachedObject> Objects,
    long CacheBytes,
    long Events,
    string? Unbuildable)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static IReadOnlyList<CachedObject> Snapshot(IEnumerable<FileInfo> objects) =>
        objects.Select(o => new CachedObject(o.Name, o.Length, o.LastWriteTimeUtc.Ticks)).ToList();

    public bool Describes(IReadOnlyList<CachedObject> objects) => Objects.SequenceEqual(objects);

    /// <summary>The manifest at <paramref name="path"/>; null when there is none; throws <see cref="JsonException"/> when it is not one.</summary>
    public static CacheManifest? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using FileStream file = File.OpenRead(path);
        CacheManifest? manifest = JsonSerializer.Deserialize<CacheManifest>(file, Options);
        return manifest is { Schema: not null, Objects: not null } && manifest.Objects.All(o => o?.Name is not null)
            ? manifest
            : throw new JsonException("It lacks the schema or the objects.");
    }

    public void Save(string path)
    {
        using FileStream file = new(path, FileMode.Create, FileAccess.Write, FileShare.None);
        JsonSerializer.Serialize(file, this, Options);
        file.Flush(flushToDisk: true);
    }
}

/// <summary>One object a cache was built from.</summary>
internal sealed record CachedObject(string Name, long Size, long LastWriteTicks);
