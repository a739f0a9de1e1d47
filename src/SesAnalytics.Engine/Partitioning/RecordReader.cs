using System.Buffers;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// Splits an input (GZIP or not; a truncated GZIP is detected by its size trailer, so single-member files only) into records: JSON lines normally; a whole pretty-printed object, or an array of
/// objects, when the first non-blank line starts a document it does not finish (or starts with '[').
/// </summary>
internal static class RecordReader
{
    // JSON lines are read this many bytes at a time (more for a longer line) and handed over as one batch of slices.
    private const int BatchBytes = 512 * 1024;
    private const int DocumentChunkSize = 64 * 1024;
    private const int DocumentBatchRecords = 512;

    /// <summary>Calls <paramref name="batches"/> for each batch of non-blank records, each with its first line number.</summary>
    public static void Read(Stream input, string source, Action<RecordBatch> batches, Action<long> bytesRead, CancellationToken cancellationToken)
    {
        bool gzip = IsGzip(input);
        uint? expectedSize = gzip ? TrailerSize(input) : null;
        Stream stream = gzip ? new GZipStream(input, CompressionMode.Decompress, leaveOpen: true) : input;
        long decompressed = 0;
        try
        {
            ReadLines(
                stream,
                batches,
                count =>
                {
                    decompressed += count;
                    bytesRead(count);
                },
                () =>
                {
                    // GZipStream ends quietly on truncated data; the size trailer (ISIZE) gives the truncation away.
                    if (expectedSize is not null && (uint)decompressed != expectedSize)
                    {
                        throw new InvalidDataException("the GZIP data ends before its end marker");
                    }
                },
                cancellationToken);
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException)
        {
            throw new SesAnalyticsException(
                "CorruptInput",
                ErrorKind.InvalidData,
                $"The input '{source}' is damaged ({error.Message}); the records before the damage were imported. Check how the file was copied or compressed.",
                source,
                error);
        }
        finally
        {
            if (!ReferenceEquals(stream, input))
            {
                stream.Dispose();
            }
        }
    }

    private static uint? TrailerSize(Stream input)
    {
        if (!input.CanSeek || input.Length - input.Position < 18)
        {
            return null;
        }

        long start = input.Position;
        Span<byte> trailer = stackalloc byte[4];
        input.Position = input.Length - 4;
        input.ReadExactly(trailer);
        input.Position = start;
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }

    private static bool IsGzip(Stream input)
    {
        if (!input.CanSeek)
        {
            return false;
        }

        long start = input.Position;
        int first = input.ReadByte();
        int second = input.ReadByte();
        input.Position = start;
        return first == 0x1F && second == 0x8B;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadLines(Stream stream, Action<RecordBatch> batches, Action<long> bytesRead, Action atEnd, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BatchBytes);
        int filled = 0;
        int searched = 0;
        long line = 1;
        bool modeDecided = false;
        while (true)
        {
            ExceptionDispatchInfo? failure = Fill(stream, buffer, ref filled, bytesRead, cancellationToken);
            bool ended = failure is not null || filled < buffer.Length;
            var batch = new RecordBatch(buffer);
            int start = 0;
            int newline;
            while ((newline = IndexOfNewline(buffer.AsSpan(searched, filled - searched))) >= 0)
            {
                int end = searched + newline;
                ReadOnlyMemory<byte> text = WithoutCarriageReturn(buffer.AsMemory(start, end - start));
                start = searched = end + 1;
                if (!modeDecided && !IsBlank(text.Span))
                {
                    modeDecided = true;
                    if (StartsDocument(text.Span))
                    {
                        var document = new MemoryStream();
                        document.Write(text.Span);
                        document.WriteByte((byte)'\n');
                        document.Write(buffer, start, filled - start);
                        batch.Dispose();
                        failure?.Throw();
                        ReadToEnd(stream, document, bytesRead, cancellationToken);
                        atEnd();
                        ReadDocument(document.ToArray(), batches, line, cancellationToken);
                        return;
                    }
                }

                if (!IsBlank(text.Span))
                {
                    batch.Add(text, line);
                }

                line++;
            }

            if (ended)
            {
                // The lines before a failure or a truncation are imported; the line it cut is not.
                try
                {
                    failure?.Throw();
                    atEnd();
                }
                catch
                {
                    Hand(batch, batches);
                    throw;
                }

                ReadOnlyMemory<byte> last = WithoutCarriageReturn(buffer.AsMemory(start, filled - start));
                if (!modeDecided && StartsDocument(last.Span))
                {
                    batch.Dispose();
                    ReadDocument(last.ToArray(), batches, line, cancellationToken);
                    return;
                }

                if (!IsBlank(last.Span))
                {
                    batch.Add(last, line);
                }

                Hand(batch, batches);
                return;
            }

            // The line still being read moves to a new buffer (twice as large if it fills this one) before the batch, and
            // this buffer with it, is handed over: the buffer returns to the pool as soon as its records are routed.
            byte[] next = ArrayPool<byte>.Shared.Rent(Math.Max(BatchBytes, 2 * (filled - start)));
            buffer.AsSpan(start, filled - start).CopyTo(next);
            filled -= start;
            searched = filled;
            buffer = next;
            Hand(batch, batches);
        }
    }

    /// <summary>Reads until the buffer is full or the input ends; what failed on the way, for after the lines read before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ExceptionDispatchInfo? Fill(Stream stream, byte[] buffer, ref int filled, Action<long> bytesRead, CancellationToken cancellationToken)
    {
        try
        {
            int read;
            while (filled < buffer.Length && (read = stream.Read(buffer, filled, buffer.Length - filled)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                bytesRead(read);
                filled += read;
            }

            return null;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return ExceptionDispatchInfo.Capture(error);
        }
    }

    private static void ReadToEnd(Stream stream, MemoryStream document, Action<long> bytesRead, CancellationToken cancellationToken)
    {
        byte[] chunk = new byte[DocumentChunkSize];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bytesRead(read);
            document.Write(chunk, 0, read);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Hand(RecordBatch batch, Action<RecordBatch> batches)
    {
        if (batch.Records.Count > 0)
        {
            batches(batch);
        }
        else
        {
            batch.Dispose();
        }
    }

    private static void ReadDocument(byte[] text, Action<RecordBatch> batches, long firstLine, CancellationToken cancellationToken)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            // Not one document after all: treat it as JSON lines so each bad line is reported on its own.
            SplitLines(text, batches, firstLine, cancellationToken);
            return;
        }

        var batch = new RecordBatch();
        using (parsed)
        {
            if (parsed.RootElement.ValueKind != JsonValueKind.Array)
            {
                batch.Add(JsonText.Compact(text), firstLine);
            }
            else
            {
                foreach (JsonElement item in parsed.RootElement.EnumerateArray())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    batch = Added(batch, System.Text.Encoding.UTF8.GetBytes(item.GetRawText()), firstLine, batches);
                }
            }
        }

        Hand(batch, batches);
    }

    private static void SplitLines(byte[] all, Action<RecordBatch> batches, long firstLine, CancellationToken cancellationToken)
    {
        var batch = new RecordBatch();
        long line = firstLine;
        int start = 0;
        for (int i = 0; i <= all.Length; i++)
        {
            if (i < all.Length && all[i] != '\n')
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            ReadOnlyMemory<byte> lineText = WithoutCarriageReturn(all.AsMemory(start..i));
            if (!IsBlank(lineText.Span))
            {
                batch = Added(batch, lineText, line, batches);
            }

            line++;
            start = i + 1;
        }

        Hand(batch, batches);
    }

    /// <summary>The batch with the record added, or a new one once it was full and handed over.</summary>
    private static RecordBatch Added(RecordBatch batch, ReadOnlyMemory<byte> record, long line, Action<RecordBatch> batches)
    {
        batch.Add(record, line);
        if (batch.Records.Count < DocumentBatchRecords)
        {
            return batch;
        }

        batches(batch);
        return new RecordBatch();
    }

    private static bool StartsDocument(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> text = line.Trim(" \t\r"u8);
        if (text.Length == 0)
        {
            return false;
        }

        if (text[0] == '[')
        {
            return true;
        }

        if (text[0] != '{')
        {
            return false;
        }

        var reader = new Utf8JsonReader(text, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndObject)
                {
                    return false;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlyMemory<byte> WithoutCarriageReturn(ReadOnlyMemory<byte> text) =>
        text.Length > 0 && text.Span[^1] == '\r' ? text[..^1] : text;

    /// <summary>
    /// Whether the line holds only JSON whitespace. Written out, as <see cref="IndexOfNewline"/> is, rather than with the
    /// library's span methods: those run instrumented (a profiling helper call each time) for much of a short import.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsBlank(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int IndexOfNewline(ReadOnlySpan<byte> text)
    {
        ref byte origin = ref MemoryMarshal.GetReference(text);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= text.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                uint found = Vector256.Equals(Vector256.LoadUnsafe(ref origin, (nuint)i), Vector256.Create((byte)'\n')).ExtractMostSignificantBits();
                if (found != 0)
                {
                    return i + BitOperations.TrailingZeroCount(found);
                }
            }
        }

        for (; i <= text.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
        {
            uint found = Vector128.Equals(Vector128.LoadUnsafe(ref origin, (nuint)i), Vector128.Create((byte)'\n')).ExtractMostSignificantBits();
            if (found != 0)
            {
                return i + BitOperations.TrailingZeroCount(found);
            }
        }

        for (; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
