using System.Globalization;
using System.IO.Compression;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// Writes GZIP JSON-lines objects named as Firehose names them, one open object per folder, each rolled over at the
/// buffer size. Every object is written under a temporary name that no store reader takes for an object; only
/// <see cref="Commit"/> renames them all into place (never over an existing file), so an import that does not complete
/// leaves nothing, and one that does is in the store whole before its inputs are recorded as imported.
/// <see cref="Abort"/> deletes every temporary file.
/// </summary>
internal sealed class PartitionObjectWriter
{
    private const string TempSuffix = ".tmp";

    // Past this many open objects the least recently used is finished, so huge backfills do not hold thousands of files.
    private const int MaxOpenObjects = 64;

    private readonly string _root;
    private readonly string _streamName;
    private readonly long _bufferSize;
    private readonly IOutputSink _sink;
    private readonly Dictionary<string, OpenObject> _open = new(StringComparer.Ordinal);
    private readonly List<OpenObject> _finished = [];
    private long _clock;

    public PartitionObjectWriter(string root, string streamName, long bufferSize, IOutputSink sink)
    {
        _sink = sink;
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
        current.Lines++;
        current.LastUse = ++_clock;
    }

    /// <summary>Finishes every open object; each stays under its temporary name until <see cref="Commit"/>.</summary>
    public void Complete()
    {
        foreach (KeyValuePair<string, OpenObject> open in _open.ToList())
        {
            Finish(open.Key, open.Value);
        }
    }

    /// <summary>Renames every finished object into place.</summary>
    public void Commit()
    {
        foreach (OpenObject finished in _finished)
        {
            string name = finished.Name;
            while (true)
            {
                string target = Path.Combine(finished.Directory, name + ".gz");
                try
                {
                    if (!File.Exists(target))
                    {
                        File.Move(finished.TempPath, target, overwrite: false);
                        break;
                    }
                }
                catch (IOException) when (File.Exists(target) && File.Exists(finished.TempPath))
                {
                    // Someone else created the name between the check and the move: pick another UUID.
                }

                name = ObjectName();
            }

            ObjectsWritten++;
            BytesWritten += finished.CompressedBytes;
            _sink.Verbose(string.Create(
                CultureInfo.InvariantCulture,
                $"Wrote {Path.GetRelativePath(_root, Path.Combine(finished.Directory, name + ".gz")).Replace(Path.DirectorySeparatorChar, '/')} ({finished.Lines:N0} record{(finished.Lines == 1 ? string.Empty : "s")}, {finished.CompressedBytes:N0} bytes)."));
        }

        _finished.Clear();
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

        foreach (OpenObject finished in _finished)
        {
            File.Delete(finished.TempPath);
        }

        _open.Clear();
        _finished.Clear();
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
        open.CompressedBytes = open.File.Length;
        open.File.Dispose();
        _finished.Add(open);
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

        public long Lines { get; set; }

        public long CompressedBytes { get; set; }
    }
}
