using System.Buffers;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Select.Ast;
using SesAnalytics.Engine.Select.Evaluation;
using SesAnalytics.Engine.Select.Syntax;

namespace SesAnalytics.Engine.Select;

/// <summary>
/// An S3 Select SQL expression, evaluated locally over JSON-lines input with S3 Select's semantics and JSON output
/// serialization. The input is any readable stream (a local file, or later an S3 GetObject response body), read once,
/// line by line, in constant memory.
/// </summary>
public sealed class SelectQuery
{
    public const string DefaultExpression = "SELECT * FROM S3Object[*] s";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IReadOnlyList<SelectItem>? _items;
    private readonly string? _sourceAlias;
    private readonly SelectExpression? _where;
    private readonly IReadOnlyList<AggregateExpression> _aggregates;

    internal SelectQuery(string text, IReadOnlyList<SelectItem>? items, string? sourceAlias, SelectExpression? where, long? limit, IReadOnlyList<AggregateExpression> aggregates)
    {
        Text = text;
        _items = items;
        _sourceAlias = sourceAlias;
        _where = where;
        Limit = limit;
        _aggregates = aggregates;
    }

    public string Text { get; }

    public long? Limit { get; }

    /// <summary>True when the query aggregates (COUNT, SUM, …) and so yields exactly one record.</summary>
    public bool IsAggregate => _aggregates.Count > 0;

    /// <summary>The member names of each output record, in order; empty for SELECT *.</summary>
    public IReadOnlyList<string> OutputNames => _items?.Select(i => i.OutputName).ToList() ?? [];

    /// <summary>Parses an expression; throws <see cref="InvalidInputException"/> (UnsupportedSelectSyntax or InvalidSelectSyntax) naming the position.</summary>
    public static SelectQuery Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return SelectParser.Parse(expression);
    }

    /// <summary>
    /// Yields each output record as compact JSON, one per input record that passes WHERE (or one in all for an
    /// aggregate). Like S3 Select, a line that is not JSON fails the whole evaluation: a
    /// <see cref="SesAnalyticsException"/> with ErrorId MalformedRecord naming the line, after the records before it
    /// were already yielded. Blank lines are skipped. The caller owns <paramref name="input"/>.
    /// </summary>
    public async IAsyncEnumerable<string> EvaluateAsync(Stream input, bool gzip, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using GZipStream? gunzip = gzip ? new GZipStream(input, CompressionMode.Decompress, leaveOpen: true) : null;
        using var reader = new StreamReader(gunzip ?? input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var evaluator = new RecordEvaluator(_sourceAlias);
        List<AggregateState> states = _aggregates.Select(a => new AggregateState(a)).ToList();
        long emitted = 0;
        long line = 0;
        if (Limit == 0)
        {
            yield break;
        }

        while (await ReadLineAsync(reader, gzip, line + 1, cancellationToken).ConfigureAwait(false) is { } text)
        {
            line++;
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            using JsonDocument record = ParseRecord(text, line);
            evaluator.Bind(record.RootElement, line);
            if (_where is not null && !evaluator.IsTrue(_where))
            {
                continue;
            }

            if (IsAggregate)
            {
                foreach (AggregateState state in states)
                {
                    state.Add(evaluator);
                }

                continue;
            }

            yield return Project(evaluator, record.RootElement);
            if (++emitted == Limit)
            {
                yield break;
            }
        }

        if (IsAggregate)
        {
            var results = new Dictionary<AggregateExpression, SelectValue>(ReferenceEqualityComparer.Instance);
            foreach (AggregateState state in states)
            {
                results[state.Aggregate] = state.Result();
            }

            evaluator.BindAggregates(results);
            yield return Project(evaluator, default);
        }
    }

    /// <summary>
    /// Evaluates over a local object: GZIP when it starts with the GZIP signature (whatever its name), else JSON lines.
    /// Throws <see cref="FileNotFoundException"/> or another <see cref="IOException"/> when the file cannot be read.
    /// </summary>
    public async IAsyncEnumerable<string> EvaluateFileAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        bool gzip = await StartsWithGzipSignatureAsync(file, cancellationToken).ConfigureAwait(false);
        await foreach (string record in EvaluateAsync(file, gzip, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    private static async Task<bool> StartsWithGzipSignatureAsync(FileStream file, CancellationToken cancellationToken)
    {
        byte[] signature = new byte[2];
        int read = await file.ReadAtLeastAsync(signature, signature.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        file.Position = 0;
        return read == 2 && signature[0] == 0x1f && signature[1] == 0x8b;
    }

    private string Project(RecordEvaluator evaluator, JsonElement record)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            if (_items is null && record.ValueKind == JsonValueKind.Object)
            {
                record.WriteTo(writer);
            }
            else
            {
                writer.WriteStartObject();
                if (_items is null)
                {
                    writer.WritePropertyName("_1");
                    record.WriteTo(writer);
                }
                else
                {
                    foreach (SelectItem item in _items)
                    {
                        SelectValue value = evaluator.Evaluate(item.Expression);
                        if (value.Kind == SelectValueKind.Missing)
                        {
                            continue;
                        }

                        writer.WritePropertyName(item.OutputName);
                        value.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static async ValueTask<string?> ReadLineAsync(StreamReader reader, bool gzip, long line, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException error) when (gzip)
        {
            throw new SesAnalyticsException(
                "MalformedRecord",
                ErrorKind.InvalidData,
                $"The input is not valid GZIP data (reading line {line}): {error.Message} Check that the object is GZIP-compressed, or read it as plain JSON lines.",
                $"line {line}",
                error);
        }
    }

    private static JsonDocument ParseRecord(string text, long line)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException error)
        {
            throw new SesAnalyticsException(
                "MalformedRecord",
                ErrorKind.InvalidData,
                $"Line {line} is not a JSON record: {error.Message} Like S3 Select, the evaluation stops at a malformed record; "
                + "the input must hold one JSON value per line.",
                $"line {line}",
                error);
        }
    }
}
