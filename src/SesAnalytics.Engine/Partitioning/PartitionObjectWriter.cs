using System.Globalization;
using System.IO.Compression;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// Writes GZIP JSON-lines objects named as Firehose names them, one open object per folder, each rolled over at the
/// buffer size. Objects are written under a temporary name and renamed once complete, never over an existing file;
/// <see cref="Abort"/> deletes whatever is still being written.
/// </summary>
internal sealed class PartitionObjectWriter
{
    private const string TempSuffix = ".tmp";

    // Past this many open objects the least recently used is finished, so huge backfills do not hold thousands of files.
    private const int MaxOpenObjects = 64;

    private readonly string _root;
    private readonly string _streamName;
    private readonly long _bufferSize;
    private readonly Dictionary<string, OpenObject> _open = new(StringComparer.Ordinal);
    private long _clock;

    public PartitionObjectWriter(string root, string streamName, long bufferSize)
    {
        _root = Path.GetFullPath(root);
        _streamName = streamName;
        _bufferSize = bufferSize;
    }

    public long ObjectsWritten { get; private set; }

    public long BytesWritten { get; private set; }

    /// <summary>Appends one line (record text and its "\n") to the current object of <paramref name="folder"/>.</summary>
    public void Write(string folder, byte[] line)
    {
        if (_open.TryGetValue(folder, out OpenObject? current) && current.UncompressedBytes > 0 && current.UncompressedBytes + line.Length > _bufferSize)
        {
            Finish(folder, current);
            current = null;
        }

        if (current is null)
        {
            if (_open.Count >= MaxOpenObjects)
            {
                KeyValuePair<string, OpenObject> oldest = _open.MinBy(o => o.Value.LastUse);
                Finish(oldest.Key, oldest.Value);
            }

            current = Open(folder);
            _open[folder] = current;
        }

        current.Compressor.Write(line);
        current.UncompressedBytes += line.Length;
        current.LastUse = ++_clock;
    }

    public void Complete()
    {
        foreach (KeyValuePair<string, OpenObject> open in _open.ToList())
        {
            Finish(open.Key, open.Value);
        }
    }

    public void Abort()
    {
        foreach (OpenObject open in _open.Values)
        {
            try
            {
                open.Compressor.Dispose();
            }
            catch (IOException)
            {
                // The temp file is deleted below either way.
            }

            open.File.Dispose();
            File.Delete(open.TempPath);
        }

        _open.Clear();
    }

    private OpenObject Open(string folder)
    {
        string directory = Path.GetFullPath(Path.Combine(_root, folder));
        if (!directory.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The folder '{folder}' would leave the store '{_root}'.");
        }

        Directory.CreateDirectory(directory);
        string name = ObjectName();
        string tempPath = Path.Combine(directory, "." + name + TempSuffix);
        var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
        return new OpenObject(directory, name, tempPath, file, new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true));
    }

    private void Finish(string folder, OpenObject open)
    {
        _open.Remove(folder);
        open.Compressor.Dispose();
        open.File.Flush(flushToDisk: false);
        long length = open.File.Length;
        open.File.Dispose();
        string name = open.Name;
        while (true)
        {
            string target = Path.Combine(open.Directory, name + ".gz");
            try
            {
                if (!File.Exists(target))
                {
                    File.Move(open.TempPath, target, overwrite: false);
                    break;
                }
            }
            catch (IOException) when (File.Exists(target) && File.Exists(open.TempPath))
            {
                // Someone else created the name between the check and the move: pick another UUID.
            }

            name = ObjectName();
        }

        ObjectsWritten++;
        BytesWritten += length;
    }

    // Firehose: <stream>-<version>-yyyy-MM-dd-HH-mm-ss-<uuid>, the time being when the object is written.
    private string ObjectName() =>
        string.Create(CultureInfo.InvariantCulture, $"{_streamName}-1-{Clock.UtcNow.UtcDateTime:yyyy-MM-dd-HH-mm-ss}-{Guid.NewGuid():D}");

    private sealed class OpenObject(string directory, string name, string tempPath, FileStream file, GZipStream compressor)
    {
        public string Directory { get; } = directory;

        public string Name { get; } = name;

        public string TempPath { get; } = tempPath;

        public FileStream File { get; } = file;

        public GZipStream Compressor { get; } = compressor;

        public long UncompressedBytes { get; set; }

        public long LastUse { get; set; }
    }
}
