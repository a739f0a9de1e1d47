using System.Buffers;
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
/// Lines are gathered per object in chunks that the thread pool compresses, so several objects are compressed at once
/// on all cores; the chunks of one object are compressed one after another, in order, each after the one before.
/// </summary>
internal sealed class PartitionObjectWriter
{
    private const string TempSuffix = ".tmp";

    // Past this many open objects the least recently used is finished, so huge backfills do not hold thousands of files.
    private const int MaxOpenObjects = 64;

    private const int ChunkSize = 256 * 1024;

    // Chunks handed to the pool and not yet compressed: bounds the memory an import holds however fast it reads.
    private const int MaxChunksInFlight = 16;

    private readonly string _root;
    private readonly string _streamName;
    private readonly long _bufferSize;
    private readonly IOutputSink _sink;
    private readonly Dictionary<string, OpenObject> _open = new(StringComparer.Ordinal);
    private readonly List<OpenObject> _finished = [];
    private readonly SemaphoreSlim _inFlight = new(MaxChunksInFlight);
    private readonly CancellationTokenSource _failed = new();
    private Exception? _failure;
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

        current.Append(line, this);
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

        try
        {
            Task.WaitAll(_finished.Select(f => f.Work).ToArray());
        }
        catch (AggregateException error)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure ?? error.InnerExceptions[0]);
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
        _failed.Cancel();
        foreach (OpenObject written in _open.Values.Concat(_finished))
        {
            try
            {
                written.Work.Wait();
            }
            catch (AggregateException)
            {
                // Its temporary file is deleted below either way.
            }
        }

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
        return new OpenObject(directory, name, tempPath, file, ObjectCompressor.Open(file));
    }

    private void Finish(string folder, OpenObject open)
    {
        _open.Remove(folder);
        open.Submit(this);
        open.Then(this, () =>
        {
            open.Compressor.Dispose();
            open.File.Flush(flushToDisk: false);
            open.CompressedBytes = open.File.Length;
            open.File.Dispose();
        });
        _finished.Add(open);
    }

    /// <summary>Runs <paramref name="work"/> on the pool after <paramref name="after"/>; the first failure stops all work.</summary>
    private Task Chain(Task after, Action work, Action release) =>
        after.ContinueWith(
            previous =>
            {
                try
                {
                    previous.GetAwaiter().GetResult();
                    _failed.Token.ThrowIfCancellationRequested();
                    work();
                }
                catch (Exception error)
                {
                    Interlocked.CompareExchange(ref _failure, error, null);
                    _failed.Cancel();
                    throw;
                }
                finally
                {
                    release();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);

    /// <summary>Waits for room for another chunk; throws the failure that stopped the work, if one did.</summary>
    private void WaitForRoom()
    {
        try
        {
            _inFlight.Wait(_failed.Token);
        }
        catch (OperationCanceledException) when (_failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
        }

        if (_failure is not null)
        {
            _inFlight.Release();
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
        }
    }

    // Firehose: <stream>-<version>-yyyy-MM-dd-HH-mm-ss-<uuid>, the time being when the object is written.
    private string ObjectName() =>
        string.Create(CultureInfo.InvariantCulture, $"{_streamName}-1-{Clock.UtcNow.UtcDateTime:yyyy-MM-dd-HH-mm-ss}-{Guid.NewGuid():D}");

    private sealed class OpenObject(string directory, string name, string tempPath, FileStream file, GZipStream compressor)
    {
        private byte[]? _chunk;
        private int _chunkLength;

        public string Directory { get; } = directory;

        public string Name { get; } = name;

        public string TempPath { get; } = tempPath;

        public FileStream File { get; } = file;

        public GZipStream Compressor { get; } = compressor;

        /// <summary>The compression of the chunks handed out so far, in order.</summary>
        public Task Work { get; private set; } = Task.CompletedTask;

        public long UncompressedBytes { get; set; }

        public long LastUse { get; set; }

        public long Lines { get; set; }

        public long CompressedBytes { get; set; }

        public void Append(byte[] line, PartitionObjectWriter writer)
        {
            if (_chunk is not null && _chunkLength + line.Length > _chunk.Length)
            {
                Submit(writer);
            }

            if (line.Length >= ChunkSize)
            {
                writer.WaitForRoom();
                Work = writer.Chain(Work, () => Compressor.Write(line), () => writer._inFlight.Release());
                return;
            }

            _chunk ??= ArrayPool<byte>.Shared.Rent(ChunkSize);
            line.CopyTo(_chunk.AsSpan(_chunkLength));
            _chunkLength += line.Length;
        }

        /// <summary>Hands the gathered lines to the pool for compression.</summary>
        public void Submit(PartitionObjectWriter writer)
        {
            if (_chunk is null)
            {
                return;
            }

            byte[] chunk = _chunk;
            int length = _chunkLength;
            _chunk = null;
            _chunkLength = 0;
            writer.WaitForRoom();
            Work = writer.Chain(
                Work,
                () => Compressor.Write(chunk, 0, length),
                () =>
                {
                    ArrayPool<byte>.Shared.Return(chunk);
                    writer._inFlight.Release();
                });
        }

        public void Then(PartitionObjectWriter writer, Action work) => Work = writer.Chain(Work, work, () => { });
    }
}
