using System.Text.Json;

namespace SesAnalytics.Engine.Objects;

/// <summary>
/// The sidecar <c>.sesanalytics/objects.json</c> of a store: for each copied file (path relative to the store, with
/// <c>/</c>), the size and ETag of the S3 object it came from. An entry is recorded only after its file is in place, and
/// the manifest is written every few hundred entries and at the end, each time replaced atomically, so a crash at any
/// point leaves at worst files without an entry, which the next run copies again.
/// </summary>
internal sealed class ObjectManifest
{
    public const string Folder = ".sesanalytics";

    private const string FileName = "objects.json";

    /// <summary>Entries recorded between writes: rewriting the manifest per object would make a long copy quadratic.</summary>
    private const int SaveEvery = 256;

    private readonly string _path;
    private readonly Dictionary<string, Entry> _entries;
    private int _unsaved;

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
        _unsaved++;
    }

    /// <summary>Writes the manifest once enough entries wait for it.</summary>
    public void SaveIfDue()
    {
        if (_unsaved >= SaveEvery)
        {
            Save();
        }
    }

    /// <summary>Writes the entries recorded since the last write, if any.</summary>
    public void Save()
    {
        if (_unsaved == 0)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        string temp = _path + ".tmp";
        using (FileStream file = new(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, _entries);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, _path, overwrite: true);
        _unsaved = 0;
    }

    internal sealed record Entry(long Size, string ETag);
}
