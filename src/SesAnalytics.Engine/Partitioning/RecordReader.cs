using System.IO.Compression;
using System.Text.Json;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// Splits an input (GZIP or not; a truncated GZIP is detected by its size trailer, so single-member files only) into records: JSON lines normally; a whole pretty-printed object, or an array of
/// objects, when the first non-blank line starts a document it does not finish (or starts with '[').
/// </summary>
internal static class RecordReader
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Calls <paramref name="record"/> for each non-blank record with its bytes and its first line number.</summary>
    public static void Read(Stream input, string source, Action<byte[], long> record, Action<long> bytesRead, CancellationToken cancellationToken)
    {
        bool gzip = IsGzip(input);
        uint? expectedSize = gzip ? TrailerSize(input) : null;
        Stream stream = gzip ? new GZipStream(input, CompressionMode.Decompress, leaveOpen: true) : input;
        long decompressed = 0;
        try
        {
            ReadLines(
                stream,
                record,
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

    private static void ReadLines(Stream stream, Action<byte[], long> record, Action<long> bytesRead, Action atEnd, CancellationToken cancellationToken)
    {
        var pending = new MemoryStream();
        byte[] chunk = new byte[ChunkSize];
        long line = 1;
        bool modeDecided = false;
        MemoryStream? document = null;
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bytesRead(read);
            if (document is not null)
            {
                document.Write(chunk, 0, read);
                continue;
            }

            int start = 0;
            int newline;
            while ((newline = chunk.AsSpan(start, read - start).IndexOf((byte)'\n')) >= 0)
            {
                int end = start + newline;
                byte[] text = TakeLine(pending, chunk.AsSpan(start, end - start));
                start = end + 1;
                if (!modeDecided && !IsBlank(text))
                {
                    modeDecided = true;
                    if (StartsDocument(text))
                    {
                        document = new MemoryStream();
                        document.Write(text);
                        document.WriteByte((byte)'\n');
                        document.Write(chunk, start, read - start);
                        break;
                    }
                }

                if (!IsBlank(text))
                {
                    record(text, line);
                }

                line++;
            }

            if (document is null)
            {
                pending.Write(chunk, start, read - start);
            }
        }

        atEnd();
        if (document is not null)
        {
            ReadDocument(document.ToArray(), record, line, cancellationToken);
            return;
        }

        byte[] last = TakeLine(pending, []);
        if (!IsBlank(last))
        {
            if (!modeDecided && StartsDocument(last))
            {
                ReadDocument(last, record, line, cancellationToken);
                return;
            }

            record(last, line);
        }
    }

    private static void ReadDocument(byte[] text, Action<byte[], long> record, long firstLine, CancellationToken cancellationToken)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            // Not one document after all: treat it as JSON lines so each bad line is reported on its own.
            SplitLines(text, record, firstLine, cancellationToken);
            return;
        }

        using (parsed)
        {
            if (parsed.RootElement.ValueKind != JsonValueKind.Array)
            {
                record(JsonText.Compact(text), firstLine);
                return;
            }

            foreach (JsonElement item in parsed.RootElement.EnumerateArray())
            {
                cancellationToken.ThrowIfCancellationRequested();
                record(System.Text.Encoding.UTF8.GetBytes(item.GetRawText()), firstLine);
            }
        }
    }

    private static void SplitLines(byte[] all, Action<byte[], long> record, long firstLine, CancellationToken cancellationToken)
    {
        long line = firstLine;
        int start = 0;
        for (int i = 0; i <= all.Length; i++)
        {
            if (i < all.Length && all[i] != '\n')
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            byte[] lineText = TrimCarriageReturn(all[start..i]);
            if (!IsBlank(lineText))
            {
                record(lineText, line);
            }

            line++;
            start = i + 1;
        }
    }

    private static bool StartsDocument(byte[] line)
    {
        ReadOnlySpan<byte> text = line.AsSpan().Trim(" \t\r"u8);
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

    /// <summary>The line that <paramref name="rest"/> ends, after what the previous chunks left pending; without its '\r'.</summary>
    private static byte[] TakeLine(MemoryStream pending, ReadOnlySpan<byte> rest)
    {
        if (pending.Length == 0)
        {
            return WithoutCarriageReturn(rest).ToArray();
        }

        pending.Write(rest);
        byte[] text = WithoutCarriageReturn(pending.GetBuffer().AsSpan(0, (int)pending.Length)).ToArray();
        pending.SetLength(0);
        return text;
    }

    private static ReadOnlySpan<byte> WithoutCarriageReturn(ReadOnlySpan<byte> text) =>
        text.Length > 0 && text[^1] == '\r' ? text[..^1] : text;

    private static byte[] TrimCarriageReturn(byte[] text) =>
        text.Length > 0 && text[^1] == '\r' ? text[..^1] : text;

    private static bool IsBlank(byte[] text) => text.AsSpan().Trim(" \t\r\n"u8).Length == 0;
}
