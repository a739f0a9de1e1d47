using System.Text.Json;

namespace SesAnalytics.Engine.Objects;

/// <summary>
/// The sidecar <c>.sesanalytics/objects.json</c> of a store: for each copied file (path relative to the store, with
/// <c>/</c>), the size and ETag of the S3 object it came from. An entry is written only after its file is in place, and
/// the manifest itself is replaced atomically, so a crash at any point leaves at worst a file without an entry, which
/// the next run copies again.
/// </summary>
internal sealed class ObjectManifest
{
    public const string Folder = ".sesanalytics";

    private const string FileName = "objects.json";

    private readonly string _path;
    private readonly Dictionary<string, Entry> _entries;

    private ObjectManifest(string path, Dictionary<string, Entry> entries)
    {
        _path = path;
        _entries = entries;
    }

    public static ObjectManifest Load(string storeRoot)
    {
        string path = Path.Combine(storeRoot, Folder, FileName);
        Dictionary<string, Entry>? entries = null;
        if (File.Exists(path))
        {
            try
            {
                using FileStream file = File.OpenRead(path);
                entries = JsonSerializer.Deserialize<Dictionary<string, Entry>>(file);
            }
            catch (JsonException)
            {
                // A damaged manifest only costs copies: every object is fetched again and the manifest rewritten.
            }
        }

        return new ObjectManifest(path, entries ?? new Dictionary<string, Entry>(StringComparer.Ordinal));
    }

    public bool IsCurrent(string relativePath, long size, string eTag) =>
        _entries.TryGetValue(relativePath, out Entry? entry) && entry.Size == size && entry.ETag == eTag;

    public void Record(string relativePath, long size, string eTag)
    {
        _entries[relativePath] = new Entry(size, eTag);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        string temp = _path + ".tmp";
        using (FileStream file = new(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, _entries);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, _path, overwrite: true);
    }

    internal sealed record Entry(long Size, string ETag);
}
