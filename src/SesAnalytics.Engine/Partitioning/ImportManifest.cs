using System.Text.Json;
using SesAnalytics.Engine.Objects;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// The sidecar <c>.sesanalytics/imports.json</c> of a store: every input Import-SesEvent wrote into it, keyed by the
/// SHA-256 of its content, with its size, the name it had, when, and how many events it gave. An import records its
/// inputs only after its objects are in place, and the file is replaced atomically, so a crash leaves at worst inputs
/// that are not recorded (the next import takes them again). A manifest that cannot be read costs only the check: it is
/// reported, and rewritten with what the next import records.
/// </summary>
internal sealed class ImportManifest
{
    private const string FileName = "imports.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    private readonly Dictionary<string, ImportedInput> _entries;
    private readonly Dictionary<string, ImportedInput> _added = new(StringComparer.Ordinal);

    private ImportManifest(string path, Dictionary<string, ImportedInput> entries)
    {
        FilePath = path;
        _entries = entries;
    }

    public string FilePath { get; }

    public int Added => _added.Count;

    public static ImportManifest Load(string storeRoot, IOutputSink sink)
    {
        string path = Path.Combine(storeRoot, ObjectManifest.Folder, FileName);
        Dictionary<string, ImportedInput> entries;
        try
        {
            entries = Read(path);
        }
        catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException)
        {
            sink.Warning(
                $"The import manifest '{path}' cannot be read ({error.Message}): inputs imported into the store before cannot be recognised, so none is skipped. " +
                "It is rewritten with this import's inputs.");
            entries = new Dictionary<string, ImportedInput>(StringComparer.Ordinal);
        }

        return new ImportManifest(path, entries);
    }

    public ImportedInput? Find(string sha256, long size) =>
        (_added.TryGetValue(sha256, out ImportedInput? input) || _entries.TryGetValue(sha256, out input)) && input.Size == size ? input : null;

    public void Add(string sha256, ImportedInput input) => _added[sha256] = input;

    /// <summary>
    /// Writes the entries added, merged into the manifest as it is on disk now (another import may have written it
    /// since this one read it), through a temporary file that replaces it in one move.
    /// </summary>
    public void Save()
    {
        if (_added.Count == 0)
        {
            return;
        }

        Dictionary<string, ImportedInput> merged;
        try
        {
            merged = Read(FilePath);
        }
        catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException)
        {
            merged = new Dictionary<string, ImportedInput>(StringComparer.Ordinal);
        }

        foreach (KeyValuePair<string, ImportedInput> entry in _added)
        {
            merged[entry.Key] = entry.Value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        string temp = $"{FilePath}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(file, merged, Options);
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, FilePath, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static Dictionary<string, ImportedInput> Read(string path)
    {
        var entries = new Dictionary<string, ImportedInput>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return entries;
        }

        using FileStream file = File.OpenRead(path);
        Dictionary<string, ImportedInput?>? read = JsonSerializer.Deserialize<Dictionary<string, ImportedInput?>>(file, Options);
        foreach ((string key, ImportedInput? input) in read ?? [])
        {
            // An entry someone edited into something else is no entry: it is left out, the others still count.
            if (input is { Name: not null } && input.Size >= 0 && key.Length == 64)
            {
                entries[key] = input;
            }
        }

        return entries;
    }
}

/// <summary>One input recorded in <see cref="ImportManifest"/>.</summary>
internal sealed record ImportedInput(string Name, long Size, DateTime ImportedAt, long Events);
