using System.IO.Compression;
using System.Text;
using SesAnalytics.Engine.Select;

namespace SesAnalytics.Engine.Tests.Select;

internal static class SelectRunner
{
    public static async Task<List<string>> RunAsync(string expression, params string[] lines)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));
        return await CollectAsync(SelectQuery.Parse(expression), input, gzip: false);
    }

    public static async Task<List<string>> CollectAsync(SelectQuery query, Stream input, bool gzip)
    {
        var records = new List<string>();
        await foreach (string record in query.EvaluateAsync(input, gzip, CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }

    public static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
