using System.IO.Compression;
using System.Text;
using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Tests.Support;

/// <summary>A store in a temporary folder, written the way the pipeline writes it: GZIP JSON lines per partition folder.</summary>
public sealed class TestStore : IDisposable
{
    private int _objects;

    public TestStore()
    {
        Root = Path.Combine(Path.GetTempPath(), "ses-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string FolderOf(string identity, string eventType, DateOnly day) =>
        Path.Combine(Root, FirehoseLayout.PartitionedRoot, PathSegment.Encode(identity), PathSegment.Encode(eventType), day.ToString("yyyy"), day.ToString("MM"), day.ToString("dd"));

    public string Add(string identity, string eventType, DateOnly day, params string[] lines) =>
        AddBytes(identity, eventType, day, Gzip(string.Concat(lines.Select(l => l + "\n"))));

    public string AddBytes(string identity, string eventType, DateOnly day, byte[] content)
    {
        string folder = FolderOf(identity, eventType, day);
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"ses-events-{++_objects:D4}.gz");
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>A GZIP object of <paramref name="count"/> minimal bounce lines (r0@x.test, r1@x.test, ...): a partition that takes DuckDB seconds to read.</summary>
    public static byte[] ManyBounces(int count)
    {
        var lines = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            lines.Append("{\"bounce\":{\"bounceType\":\"Permanent\",\"bouncedRecipients\":[{\"emailAddress\":\"r").Append(i).Append("@x.test\"}]}}\n");
        }

        return Gzip(lines.ToString());
    }

    public static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
