using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Partitioning.Jq;
using SesAnalytics.Engine.Store;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// One import into a local store laid out exactly as Firehose lays out S3. The caller's thread reads the input and hands
/// batches of records to the thread pool, which parses them and runs the partition query; the caller takes the results
/// back in input order (counts, errors, progress) and gives each record to the <see cref="PartitionObjectWriter"/>,
/// which compresses on the pool too, so every stage uses all cores. Feed it files and text,
/// then <see cref="Complete"/>, which puts every object in place at once and only then records the inputs in the store's
/// <see cref="ImportManifest"/>; disposing an import that did not complete deletes every object it wrote.
/// An input the manifest holds (the same content, imported before) is skipped with a warning unless
/// <see cref="ImportOptions.Force"/>: a file before it is read, the text given to <see cref="ImportText"/> (one input,
/// however many pieces) when the import completes, by discarding what it wrote, unless files were imported with it.
/// </summary>
public sealed partial class SesEventImport : IDisposable
{
    public const string ErrorCode = "DynamicPartitioning.MetadataExtractionFailed";

    private const int ProgressEvery = 1000;

    /// <summary>The name the manifest records for the text of <see cref="ImportText"/>.</summary>
    private const string PipelineInput = "(pipeline input)";

    // Everything Dispatch reads of a record: the partition query's paths, the SNS envelope, the event's own time.
    private static readonly JsonPruner? Observed = CreatePruner();

    private readonly ImportOptions _options;
    private readonly IOutputSink _sink;
    private readonly CancellationToken _cancellationToken;
    private readonly PartitionObjectWriter? _writer;
    private readonly Queue<Task<Routed[]>> _routing = new();
    private readonly int _batchesInFlight = Environment.ProcessorCount + 1;
    private readonly FolderCache _folders = new();
    private readonly HashSet<string> _partitions = new(StringComparer.Ordinal);
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly ImportManifest _manifest;
    private readonly Dictionary<string, string> _readThisTime = new(StringComparer.Ordinal);
    private IncrementalHash? _text;
    private long _textBytes;
    private long _textEvents;
    private int _inputsRead;
    private int _inputsSkipped;
    private long _linesRead;
    private long _eventsToWrite;
    private long _errorsToWrite;
    private long _rejected;
    private long _bytesRead;
    private bool _completed;

    public SesEventImport(ImportOptions options, IOutputSink sink, CancellationToken cancellationToken)
    {
        if (!StreamNamePattern().IsMatch(options.StreamName))
        {
            throw new InvalidInputException(
                "InvalidStreamName",
                $"The stream name '{options.StreamName}' is not a Firehose delivery stream name: use 1 to 64 letters, digits, '_', '.' or '-'.",
                options.StreamName);
        }

        if (options.BufferSizeBytes is < 1 or > ImportOptions.MaxBufferSizeBytes)
        {
            throw new InvalidInputException(
                "InvalidBufferSize",
                $"The buffer size {options.BufferSizeBytes} is outside Firehose's range: use 1 byte to 128 MiB.",
                options.BufferSizeBytes);
        }

        _options = options with { Destination = Path.GetFullPath(options.Destination) };
        _sink = sink;
        _cancellationToken = cancellationToken;
        EventStore.ThrowIfFile(_options.Destination, "-Destination");
        _manifest = ImportManifest.Load(_options.Destination, sink);

        if (options.WritesNothing)
        {
            return;
        }

        Directory.CreateDirectory(_options.Destination);
        _writer = new PartitionObjectWriter(_options.Destination, options.StreamName, options.BufferSizeBytes, sink);
    }

    /// <summary>Imports one file (JSON lines, a JSON document, GZIP or not). Problems with it go to the sink.</summary>
    public void ImportFile(string path)
    {
        FileStream file;
        string sha256;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            _sink.Error(Unreadable(path, error));
            return;
        }

        using (file)
        {
            if (!file.CanSeek)
            {
                // A pipe or device is read once: there is no content to hash beforehand, nor to recognise later.
                _sink.Verbose($"Reading '{path}' (not a regular file: it is not checked against, nor recorded in, the import manifest).");
                Import(file, path);
                _inputsRead++;
                return;
            }

            if (_options.Force && _options.WritesNothing)
            {
                // Nothing is skipped and no manifest is written: the content's hash would serve nothing.
                _sink.Verbose(string.Create(CultureInfo.InvariantCulture, $"Reading '{path}' ({file.Length:N0} bytes)."));
                Import(file, path);
                _inputsRead++;
                return;
            }

            try
            {
                sha256 = Convert.ToHexString(SHA256.HashData(file)).ToLowerInvariant();
                file.Position = 0;
            }
            catch (IOException error)
            {
                _sink.Error(Unreadable(path, error));
                return;
            }

            if (Skips(sha256, file.Length, $"'{path}'"))
            {
                return;
            }

            _sink.Verbose(string.Create(CultureInfo.InvariantCulture, $"Reading '{path}' ({file.Length:N0} bytes)."));
            long before = _eventsToWrite;
            Import(file, path);
            _inputsRead++;
            Remember(sha256, path, file.Length, _eventsToWrite - before);
        }
    }

    /// <summary>Imports JSON text: one record, several JSON lines, or one document.</summary>
    public void ImportText(string text, string source)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        if (_text is null)
        {
            _text = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            _sink.Verbose("Reading records from the pipeline.");
        }

        // Each piece as a line: the same records give the same hash whether they came one per string or together.
        _text.AppendData(bytes);
        _text.AppendData("\n"u8);
        _textBytes += bytes.Length + 1;
        long before = _eventsToWrite;
        using (var stream = new MemoryStream(bytes))
        {
            Import(stream, source);
        }

        _textEvents += _eventsToWrite - before;
    }

    /// <summary>The store folders (<c>partitioned/…/yyyy/MM/dd</c>, relative to the destination) events went to.</summary>
    public IReadOnlyCollection<string> EventFolders => _partitions;

    public ImportSummary Complete()
    {
        if (_writer is not null)
        {
            try
            {
                _writer.Complete();
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                throw WriteFailed(error);
            }
        }

        bool discard = false;
        if (_text is not null)
        {
            string sha256 = Convert.ToHexString(_text.GetHashAndReset()).ToLowerInvariant();
            discard = _inputsRead == 0 && Skips(sha256, _textBytes, "the pipeline input");
            if (!discard)
            {
                _inputsRead++;
                Remember(sha256, PipelineInput, _textBytes, _textEvents);
            }
        }

        bool written = _writer is not null && !discard;
        if (written)
        {
            Commit();
        }
        else
        {
            _writer?.Abort();
        }

        _completed = true;
        _sink.Progress(new ProgressReport(1, "Importing SES events", "Done", Completed: true));
        ImportStatus status = _inputsRead == 0 && _inputsSkipped > 0 ? ImportStatus.Skipped
            : _options.Declined ? ImportStatus.Declined
            : _options.WhatIf ? ImportStatus.WhatIf
            : ImportStatus.Imported;
        var summary = new ImportSummary(
            _options.Destination,
            status,
            _inputsRead,
            _inputsSkipped,
            _linesRead,
            _eventsToWrite,
            written ? _eventsToWrite : 0,
            _errorsToWrite,
            written ? _errorsToWrite : 0,
            _rejected,
            _writer?.ObjectsWritten ?? 0,
            _writer?.BytesWritten ?? 0,
            _partitions.Count,
            _elapsed.Elapsed);
        _sink.Verbose(Describe(summary));
        return summary;
    }

    public void Dispose()
    {
        FinishRouting(apply: false);
        if (!_completed)
        {
            // Stopped, or failed: every object written so far is still under its temporary name.
            _writer?.Abort();
        }

        _text?.Dispose();
    }

    private void Import(Stream stream, string source)
    {
        try
        {
            try
            {
                RecordReader.Read(stream, source, batch => Dispatch(batch, source), ReportBytes, _cancellationToken);
            }
            finally
            {
                // The records read before a damaged part are imported; after Ctrl+C nothing more is.
                FinishRouting(apply: !_cancellationToken.IsCancellationRequested);
            }
        }
        catch (SesAnalyticsException error)
        {
            _sink.Error(error);
        }
        catch (IOException error)
        {
            _sink.Error(new SesAnalyticsException(
                "UnreadableInput",
                ErrorKind.ReadError,
                $"Reading '{source}' failed: {error.Message} The records read before the failure were imported.",
                source,
                error));
        }
    }

    private static SesAnalyticsException Unreadable(string path, Exception error) =>
        new(
            "UnreadableInput",
            ErrorKind.ReadError,
            $"The file '{path}' cannot be read: {error.Message} Check the path and its permissions.",
            path,
            error);

    /// <summary>Whether an input is left out, as read already by this import or recorded in the store; warns if so.</summary>
    private bool Skips(string sha256, long size, string described)
    {
        if (_options.Force)
        {
            return false;
        }

        string hash = sha256[..12];
        if (_readThisTime.TryGetValue(sha256, out string? earlier))
        {
            _inputsSkipped++;
            _sink.Warning($"Skipped {described}: it holds the same content as '{earlier}', which this import read already (SHA-256 {hash}...). Use -Force to import it again.");
            return true;
        }

        if (_manifest.Find(sha256, size) is { } imported)
        {
            _inputsSkipped++;
            _sink.Warning(string.Create(
                CultureInfo.InvariantCulture,
                $"Skipped {described}: the same content ({size:N0} bytes, SHA-256 {hash}...) was imported into '{_options.Destination}' on {imported.ImportedAt:yyyy-MM-dd HH:mm:ss}Z from '{imported.Name}' ({imported.Events:N0} events). Importing it again would count its events twice; use -Force to import it anyway."));
            return true;
        }

        return false;
    }

    private void Remember(string sha256, string name, long size, long events)
    {
        _readThisTime.TryAdd(sha256, name);
        _manifest.Add(sha256, new ImportedInput(name, size, Clock.UtcNow.UtcDateTime, events));
    }

    /// <summary>Puts the objects in place, then records the inputs: the manifest never names an input whose objects are not there.</summary>
    private void Commit()
    {
        try
        {
            _writer!.Commit();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw WriteFailed(error);
        }

        if (_manifest.Added == 0)
        {
            return;
        }

        try
        {
            _manifest.Save();
            _sink.Verbose($"Recorded {(_manifest.Added == 1 ? "1 input" : $"{_manifest.Added} inputs")} in '{_manifest.FilePath}'.");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            _sink.Warning($"The events are in the store, but the import manifest '{_manifest.FilePath}' could not be written ({error.Message}): importing these inputs again would not be recognised as a repeat.");
        }
    }

    private string Describe(ImportSummary summary)
    {
        double seconds = Math.Max(summary.Elapsed.TotalSeconds, 0.001);
        string rate = string.Create(
            CultureInfo.InvariantCulture,
            $"{summary.Elapsed.TotalSeconds:N2} s, {summary.LinesRead / seconds:N0} events/s, {_bytesRead / 1_000_000.0 / seconds:N1} MB/s");
        string inputs = summary.InputsRead == 1 ? "1 input" : $"{summary.InputsRead} inputs";
        return summary.Status switch
        {
            ImportStatus.Imported => string.Create(
                CultureInfo.InvariantCulture,
                $"Imported {summary.EventsWritten:N0} events and {summary.ErrorsWritten:N0} error records ({summary.Rejected:N0} rejected) from {inputs} into {summary.Partitions:N0} partitions of '{summary.Destination}': {summary.ObjectsWritten:N0} objects, {summary.BytesWritten:N0} bytes ({rate})."),
            ImportStatus.Skipped => $"Nothing was written: the store '{summary.Destination}' holds every input given already ({summary.InputsSkipped} skipped).",
            _ => string.Create(
                CultureInfo.InvariantCulture,
                $"Nothing was written ({(summary.Status == ImportStatus.Declined ? "the import was declined" : "-WhatIf")}): {summary.EventsToWrite:N0} events and {summary.ErrorsToWrite:N0} error records from {inputs} would have gone into {summary.Partitions:N0} partitions of '{summary.Destination}' ({rate})."),
        };
    }

    private void ReportBytes(long count)
    {
        _bytesRead += count;
    }

    /// <summary>Hands a batch of records to the pool; takes back, in order, the batches routed so far beyond a few.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Dispatch(RecordBatch batch, string source)
    {
        _routing.Enqueue(Task.Run(() => RouteAll(batch, source), CancellationToken.None));
        while (_routing.Count > _batchesInFlight)
        {
            Apply(_routing.Dequeue().GetAwaiter().GetResult());
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Routed[] RouteAll(RecordBatch batch, string source)
    {
        using (batch)
        {
            var routed = new Routed[batch.Records.Count];
            for (int i = 0; i < routed.Length; i++)
            {
                (ReadOnlyMemory<byte> record, long line) = batch.Records[i];
                routed[i] = Route(record, line, source);
            }

            return routed;
        }
    }

    /// <summary>Takes back every batch still being routed: applied in order, or with <paramref name="apply"/> false only awaited.</summary>
    private void FinishRouting(bool apply)
    {
        while (_routing.TryDequeue(out Task<Routed[]>? routing))
        {
            if (apply)
            {
                Apply(routing.GetAwaiter().GetResult());
            }
            else
            {
                ((IAsyncResult)routing).AsyncWaitHandle.WaitOne();
            }
        }
    }

    /// <summary>Counts, reports and writes routed records on the caller's thread, in input order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Apply(Routed[] batch)
    {
        foreach (Routed routed in batch)
        {
            _linesRead++;
            if (_linesRead % ProgressEvery == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                _sink.Progress(new ProgressReport(
                    1,
                    "Importing SES events",
                    string.Create(CultureInfo.InvariantCulture, $"{_linesRead:N0} records, {_bytesRead / (1024.0 * 1024.0):N1} MiB read"),
                    CurrentOperation: routed.Source));
            }

            if (routed.Rejection is not null)
            {
                _rejected++;
                _sink.Error(routed.Rejection);
                continue;
            }

            if (routed.IsEvent)
            {
                if (routed.Partition is { Counted: false } partition)
                {
                    _partitions.Add(routed.Folder!);
                    partition.Counted = true;
                }

                _eventsToWrite++;
            }
            else
            {
                _errorsToWrite++;
            }

            try
            {
                _writer?.Write(routed.Folder!, routed.Line!);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                throw WriteFailed(error);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Routed Route(ReadOnlyMemory<byte> text, long line, string source)
    {
        if (EventRecordScanner.TryScan(text.Span, out ScannedRecord scanned))
        {
            KeyExtraction keys = KeyExtraction.Success(scanned.Keys);
            return scanned.IsCompact
                ? Route(text.Span, keys, scanned.EventTime, source)
                : Route(JsonText.Compact(text.ToArray()), keys, scanned.EventTime, source);
        }

        byte[] record = text.ToArray();
        JsonDocument document;
        try
        {
            document = Parse(record);
        }
        catch (JsonException error)
        {
            return new Routed(source, Rejection: new InvalidInputException(
                "MalformedRecord",
                $"Line {line} of '{source}' is not valid JSON ({error.Message}); it was skipped. Fix or remove the line and import it again.",
                source,
                error));
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            return SnsEnvelope.TryUnwrap(root, out string? message)
                ? RouteUnwrapped(Encoding.UTF8.GetBytes(message), source)
                : Route(JsonText.Compact(record), root, source);
        }
    }

    private Routed RouteUnwrapped(byte[] record, string source)
    {
        JsonDocument inner;
        try
        {
            inner = Parse(record);
        }
        catch (JsonException error)
        {
            return ErrorRecord(record, $"The record is not valid JSON: {error.Message}", Clock.UtcNow, source);
        }

        using (inner)
        {
            return Route(JsonText.Compact(record), inner.RootElement, source);
        }
    }

    private Routed Route(byte[] record, JsonElement root, string source) =>
        Route(record, PartitionKeyExtractor.Firehose.Extract(root), _options.UseArrivalTime ? null : EventTime.Find(root), source);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Routed Route(ReadOnlySpan<byte> record, KeyExtraction keys, DateTimeOffset? eventTime, string source)
    {
        DateTimeOffset day = !_options.UseArrivalTime && eventTime is { } own ? own : Clock.UtcNow;
        if (!keys.Succeeded)
        {
            return ErrorRecord(record, keys.FailureMessage!, day, source);
        }

        FolderCache.Entry folder = _folders.Get(keys.Keys!, DateOnly.FromDateTime(day.UtcDateTime));
        return folder.TooLongKey is { } tooLong
            ? ErrorRecord(record, $"partition key {tooLong} is longer than the {FolderCache.MaxSegmentBytes} bytes a folder name can hold once encoded.", day, source)
            : new Routed(source, folder.Folder, _writer is null ? null : WithNewline(record), IsEvent: true, Partition: folder);
    }

    private static Routed ErrorRecord(ReadOnlySpan<byte> record, string message, DateTimeOffset day, string source)
    {
        long now = Clock.UtcNow.ToUnixTimeMilliseconds();
        var buffer = new ArrayBufferWriter<byte>(record.Length * 4 / 3 + 256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("attemptsMade", 1);
            json.WriteNumber("arrivalTimestamp", now);
            json.WriteString("errorCode", ErrorCode);
            json.WriteString("errorMessage", message);
            json.WriteNumber("attemptEndingTimestamp", now);
            json.WriteBase64String("rawData", record);
            json.WriteEndObject();
        }

        string folder = string.Create(
            CultureInfo.InvariantCulture,
            $"{FirehoseLayout.ErrorsRoot}/{FirehoseLayout.MetadataExtractionFailed}/{day.UtcDateTime.ToString(FirehoseLayout.DayFormat, CultureInfo.InvariantCulture)}");
        return new Routed(source, folder, WithNewline(buffer.WrittenSpan.ToArray()), IsEvent: false);
    }

    private static JsonDocument Parse(byte[] record) =>
        JsonDocument.Parse(Observed is null ? record : Observed.Prune(record));

    private static JsonPruner? CreatePruner()
    {
        var pruner = new JsonPruner();
        if (!PartitionKeyExtractor.Firehose.AddObservedPaths(pruner))
        {
            return null;
        }

        foreach (string name in new[] { "eventType", "Message" })
        {
            pruner.Keep([name]);
        }

        foreach (string detail in SesEventTypes.All.Where(t => t.HasOwnTimestamp()).Select(t => t.DetailMember()).Prepend("mail"))
        {
            pruner.Keep([detail, "timestamp"]);
        }

        return pruner;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static byte[] WithNewline(ReadOnlySpan<byte> record)
    {
        byte[] line = new byte[record.Length + 1];
        record.CopyTo(line);
        line[^1] = (byte)'\n';
        return line;
    }

    private SesAnalyticsException WriteFailed(Exception error) =>
        new(
            "StoreWriteFailed",
            ErrorKind.WriteError,
            $"Writing the store '{_options.Destination}' failed: {error.Message} Objects still being written were removed; free space or fix permissions and import again.",
            _options.Destination,
            error);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex StreamNamePattern();
}
