using System.IO.Compression;
using System.Text;
using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Tests.Partitioning;

/// <summary>JSON lines read in pooled batches: every non-blank line once, in order, with its number, whatever its length.</summary>
public sealed class RecordReaderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GivesEveryLineAcrossBatchBoundariesAndLongLines(bool gzip)
    {
        var random = new Random(14);
        var text = new StringBuilder();
        for (int i = 0; i < 6_000; i++)
        {
            text.Append(random.Next(12) switch
            {
                0 => string.Empty,
                1 => "  \t",
                2 => "{\"n\":" + i + ",\"crlf\":true}\r",
                3 when i % 2_000 == 3 => "{\"n\":" + i + ",\"long\":\"" + new string('x', 1_500_000) + "\"}",
                _ => "{\"n\":" + i + ",\"pad\":\"" + new string('p', random.Next(3_000)) + "\"}",
            });
            text.Append('\n');
        }

        text.Append("{\"last\":\"no newline\"}");
        string all = text.ToString();
        List<(string Text, long Line)> expected = [.. all.Split('\n')
            .Select((line, index) => (Text: line.TrimEnd('\r'), Line: index + 1L))
            .Where(l => l.Text.Trim().Length > 0)];

        List<(string Text, long Line)> read = Read(Encoding.UTF8.GetBytes(all), gzip);

        Assert.Equal(expected.Count, read.Count);
        Assert.True(expected.SequenceEqual(read), "The records read differ from the lines written.");
    }

    /// <summary>Lines and blank lines of every length up to a few vectors, so each newline falls at every offset of a 32- and a 16-byte block.</summary>
    [Fact]
    public void FindsEveryNewlineWhateverItsOffset()
    {
        var text = new StringBuilder("{}\n");
        foreach (int length in Enumerable.Range(0, 100))
        {
            text.Append("{\"x\":\"").Append('a', length).Append("\"}\n");
            text.Append(new string(' ', length)).Append('\n');
            text.Append(string.Concat(Enumerable.Repeat(" \t\r", length))).Append("\r\n");
            text.Append("[").Append(' ', length).Append("1]\r\n");
        }

        string all = text.ToString();
        List<(string Text, long Line)> expected = [.. all.Split('\n')
            .Select((line, index) => (Text: line.TrimEnd('\r'), Line: index + 1L))
            .Where(l => l.Text.Trim().Length > 0)];

        Assert.Equal(expected, Read(Encoding.UTF8.GetBytes(all), gzip: false));
    }

    [Fact]
    public void ReadsAPrettyDocumentAndAnArrayAsBefore()
    {
        List<(string Text, long Line)> pretty = Read(Encoding.UTF8.GetBytes("\n{\n  \"eventType\": \"Send\"\n}\n"), gzip: false);
        List<(string Text, long Line)> array = Read(Encoding.UTF8.GetBytes("[{\"a\":1},\n {\"b\":2}]"), gzip: false);

        Assert.Equal([("{\"eventType\":\"Send\"}", 2L)], pretty);
        Assert.Equal([("{\"a\":1}", 1L), ("{\"b\":2}", 1L)], array);
    }

    private static List<(string Text, long Line)> Read(byte[] bytes, bool gzip)
    {
        if (gzip)
        {
            using var compressed = new MemoryStream();
            using (var zip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                zip.Write(bytes);
            }

            bytes = compressed.ToArray();
        }

        var read = new List<(string Text, long Line)>();
        using var input = new MemoryStream(bytes);
        RecordReader.Read(
            input,
            "test",
            batch =>
            {
                using (batch)
                {
                    read.AddRange(batch.Records.Select(r => (Encoding.UTF8.GetString(r.Record.Span), r.Line)));
                }
            },
            _ => { },
            CancellationToken.None);
        return read;
    }
}
