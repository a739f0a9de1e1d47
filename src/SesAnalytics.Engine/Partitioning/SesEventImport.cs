using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Partitioning.Jq;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// One import into a local store laid out exactly as Firehose lays out S3. The caller's thread reads, parses and runs
/// the partition query; a second task compresses and writes, so the two stages use both cores. Feed it files and text,
/// then <see cref="Complete"/>; disposing an import that did not complete deletes every object still being written.
/// </summary>
public sealed partial class SesEventImport : IDisposable
{
    public const string ErrorCode = "DynamicPartitioning.MetadataExtractionFailed";

    private const int BatchSize = 256;
    private const int ProgressEvery = 1000;
    private const int MaxSegmentBytes = 255;

    // Everything Dispatch reads of a record: the partition query's paths, the SNS envelope, the event's own time.
    private static readonly JsonPruner? Observed = CreatePruner();

    private readonly ImportOptions _options;
    private readonly IOutputSink _sink;
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenSource _abort = new();
    private readonly CancellationTokenRegistration _stopRegistration;
    private readonly PartitionObjectWriter? _writer;
    private readonly Channel<List<KeyValuePair<string, byte[]>>>? _channel;
    private readonly Task? _writing;
    private readonly HashSet<string> _partitions = new(StringComparer.Ordinal);
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private List<KeyValuePair<string, byte[]>> _batch = new(BatchSize);
    private long _linesRead;
    private long _eventsWritten;
    private long _errorsWritten;
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
        if (options.WhatIf)
        {
            return;
        }

        Directory.CreateDirectory(_options.Destination);
        _writer = new PartitionObjectWriter(_options.Destination, options.StreamName, options.BufferSizeBytes);
        _channel = Channel.CreateBounded<List<KeyValuePair<string, byte[]>>>(new BoundedChannelOptions(32) { SingleReader = true, SingleWriter = true });
        _writing = Task.Run(WriteAsync, CancellationToken.None);
        _stopRegistration = cancellationToken.Register(() => _abort.Cancel());
    }

    /// <summary>Imports one file (JSON lines, a JSON document, GZIP or not). Problems with it go to the sink.</summary>
    public void ImportFile(string path)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            _sink.Error(new SesAnalyticsException(
                "UnreadableInput",
                ErrorKind.ReadError,
                $"The file '{path}' cannot be read: {error.Message} Check the path and its permissions.",
                path,
                error));
            return;
        }

        using (file)
        {
            Import(file, path);
        }
    }

    /// <summary>Imports JSON text: one record, several JSON lines, or one document.</summary>
    public void ImportText(string text, string source)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        Import(stream, source);
    }

    public ImportSummary Complete()
    {
        Flush();
        if (_channel is not null)
        {
            _channel.Writer.TryComplete();
            WaitForWriter();
        }

        _completed = true;
        _sink.Progress(new ProgressReport(1, "Importing SES events", "Done", Completed: true));
        return new ImportSummary(
            _options.Destination,
            _linesRead,
            _eventsWritten,
            _errorsWritten,
            _rejected,
            _writer?.ObjectsWritten ?? 0,
            _writer?.BytesWritten ?? 0,
            _partitions.Count,
            _elapsed.Elapsed,
            _options.WhatIf);
    }

    public void Dispose()
    {
        if (!_completed && _writing is not null)
        {
            _abort.Cancel();
            _channel!.Writer.TryComplete();
            try
            {
                _writing.Wait(TimeSpan.FromSeconds(30));
            }
            catch (AggregateException)
            {
                // Aborting: the writer's own failure no longer matters, its temporary files are gone.
            }
        }

        _stopRegistration.Dispose();
        _abort.Dispose();
    }

    private void Import(Stream stream, string source)
    {
        try
        {
            RecordReader.Read(stream, source, (record, line) => Dispatch(record, source, line), ReportBytes, _cancellationToken);
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

    private void ReportBytes(long count)
    {
        _bytesRead += count;
    }

    private void Dispatch(byte[] record, string source, long line)
    {
        _linesRead++;
        if (_linesRead % ProgressEvery == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            _sink.Progress(new ProgressReport(
                1,
                "Importing SES events",
                string.Create(CultureInfo.InvariantCulture, $"{_linesRead:N0} records, {_bytesRead / (1024.0 * 1024.0):N1} MiB read"),
                CurrentOperation: source));
        }

        JsonDocument document;
        try
        {
            document = Parse(record);
        }
        catch (JsonException error)
        {
            _rejected++;
            _sink.Error(new InvalidInputException(
                "MalformedRecord",
                $"Line {line} of '{source}' is not valid JSON ({error.Message}); it was skipped. Fix or remove the line and import it again.",
                source,
                error));
            return;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (SnsEnvelope.TryUnwrap(root, out string? message))
            {
                Route(Encoding.UTF8.GetBytes(message));
            }
            else
            {
                Route(JsonText.Compact(record), root);
            }
        }
    }

    private void Route(byte[] record)
    {
        JsonDocument inner;
        try
        {
            inner = Parse(record);
        }
        catch (JsonException error)
        {
            WriteError(record, $"The record is not valid JSON: {error.Message}", Clock.UtcNow);
            return;
        }

        using (inner)
        {
            Route(JsonText.Compact(record), inner.RootElement);
        }
    }

    private void Route(byte[] record, JsonElement root)
    {
        DateTimeOffset arrival = Clock.UtcNow;
        DateTimeOffset day = _options.UseArrivalTime ? arrival : EventTime.Find(root) ?? arrival;
        KeyExtraction keys = PartitionKeyExtractor.Firehose.Extract(root);
        if (!keys.Succeeded)
        {
            WriteError(record, keys.FailureMessage!, day);
            return;
        }

        string identity = PathSegment.Encode(keys.Keys!.SenderIdentity);
        string eventType = PathSegment.Encode(keys.Keys.EventType);
        string? tooLong = Encoding.UTF8.GetByteCount(identity) > MaxSegmentBytes ? FirehoseLayout.SenderIdentityKey
            : Encoding.UTF8.GetByteCount(eventType) > MaxSegmentBytes ? FirehoseLayout.EventTypeKey
            : null;
        if (tooLong is not null)
        {
            WriteError(record, $"partition key {tooLong} is longer than the {MaxSegmentBytes} bytes a folder name can hold once encoded.", day);
            return;
        }

        string folder = FirehoseLayout.DayFolder(keys.Keys.SenderIdentity, keys.Keys.EventType, DateOnly.FromDateTime(day.UtcDateTime));
        _partitions.Add(folder);
        _eventsWritten++;
        Enqueue(folder, WithNewline(record));
    }

    private void WriteError(byte[] record, string message, DateTimeOffset day)
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
        _errorsWritten++;
        Enqueue(folder, WithNewline(buffer.WrittenSpan.ToArray()));
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

    private static byte[] WithNewline(byte[] record)
    {
        byte[] line = new byte[record.Length + 1];
        record.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return line;
    }

    private void Enqueue(string folder, byte[] line)
    {
        if (_channel is null)
        {
            return;
        }

        _batch.Add(new KeyValuePair<string, byte[]>(folder, line));
        if (_batch.Count >= BatchSize)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (_channel is null || _batch.Count == 0)
        {
            return;
        }

        List<KeyValuePair<string, byte[]>> batch = _batch;
        _batch = new List<KeyValuePair<string, byte[]>>(BatchSize);
        try
        {
            _channel.Writer.WriteAsync(batch, _cancellationToken).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            // Only the writer closes the channel early, when it failed: report its failure.
            WaitForWriter();
            throw;
        }
    }

    private void WaitForWriter()
    {
        try
        {
            _writing!.GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw WriteFailed(error);
        }
    }

    private async Task WriteAsync()
    {
        try
        {
            await foreach (List<KeyValuePair<string, byte[]>> batch in _channel!.Reader.ReadAllAsync(_abort.Token).ConfigureAwait(false))
            {
                foreach (KeyValuePair<string, byte[]> line in batch)
                {
                    _writer!.Write(line.Key, line.Value);
                }
            }

            _abort.Token.ThrowIfCancellationRequested();
            _writer!.Complete();
        }
        catch (Exception error)
        {
            _writer!.Abort();
            _channel!.Writer.TryComplete(error);
            throw;
        }
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
