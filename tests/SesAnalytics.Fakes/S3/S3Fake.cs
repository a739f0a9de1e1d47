using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using SesAnalytics.Fakes.Stack;

namespace SesAnalytics.Fakes.S3;

/// <summary>
/// A path-style S3 on 127.0.0.1: ListObjectsV2 with continuation
/// tokens and delimiter, GetObject, HeadObject, and SelectObjectContent answering every line of the object in AWS
/// event-stream framing, failing part-way with an error event, or refusing as S3 does for accounts without S3 Select.
/// It also describes one CloudFormation stack whose BucketName output is this bucket, so the -StackName commands find it
/// on the same endpoint.
/// </summary>
public sealed class S3Fake : LoopbackServer
{
    public const string Bucket = "ses-events";

    private readonly ConcurrentDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);

    public bool SelectAvailable { get; set; } = true;

    /// <summary>When set, SelectObjectContent sends this error event (<c>:error-code</c>, <c>:error-message</c>) after its first Records event.</summary>
    public (string Code, string Message)? SelectFailsMidStream { get; set; }

    public StackFake Stack { get; } = new("ses-analytics", new Dictionary<string, string> { ["BucketName"] = Bucket });

    /// <summary>
    /// GetObject sends half the body, SelectObjectContent its first event, then each stalls this long (or until the
    /// server closes) before the rest.
    /// </summary>
    public TimeSpan BodyStall { get; set; }

    public void Put(string key, IEnumerable<string> lines)
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));
        }

        _objects[key] = buffer.ToArray();
    }

    /// <summary>The object key a request addressed (path-style: the path after the bucket), decoded.</summary>
    public static string KeyOf(FakeRequest request)
    {
        string path = Uri.UnescapeDataString(request.Path.TrimStart('/'));
        int slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? string.Empty : path[(slash + 1)..];
    }

    protected override void Handle(FakeRequest request, HttpListenerResponse response)
    {
        string key = KeyOf(request);
        Dictionary<string, string> parameters = request.Query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty, StringComparer.Ordinal);
        response.AddHeader("x-amz-request-id", "MODULEFAKE");

        if (request.Method == "POST" && StackFake.IsCloudFormation(request.ContentType))
        {
            (int status, string xml) = Stack.Answer(request.Body);
            Write(response, status, "text/xml", Encoding.UTF8.GetBytes(xml));
            return;
        }

        if (request.Method == "GET" && parameters.ContainsKey("list-type"))
        {
            Write(response, 200, "application/xml", List(parameters));
            return;
        }

        if (!_objects.TryGetValue(key, out byte[]? body))
        {
            Write(response, 404, "application/xml", Error("NoSuchKey", "The specified key does not exist."));
            return;
        }

        response.AddHeader("ETag", "\"" + Convert.ToHexString(MD5.HashData(body)).ToLowerInvariant() + "\"");
        response.AddHeader("Last-Modified", "Tue, 24 Nov 2026 08:00:00 GMT");
        switch (request.Method)
        {
            case "GET" when BodyStall > TimeSpan.Zero:
                WriteStalled(response, body, body.Length / 2);
                break;
            case "GET":
                Write(response, 200, "application/octet-stream", body);
                break;
            case "HEAD":
                response.StatusCode = 200;
                response.ContentLength64 = body.Length;
                break;
            case "POST" when SelectAvailable && BodyStall > TimeSpan.Zero:
                byte[] answer = Select(body);
                WriteStalled(response, answer, (int)BinaryPrimitives.ReadUInt32BigEndian(answer));
                break;
            case "POST" when SelectAvailable:
                Write(response, 200, "application/octet-stream", Select(body));
                break;
            default:
                Write(response, 405, "application/xml", Error("MethodNotAllowed", "The specified method is not allowed against this resource."));
                break;
        }
    }

    private byte[] List(Dictionary<string, string> parameters)
    {
        string prefix = parameters.GetValueOrDefault("prefix", string.Empty);
        parameters.TryGetValue("delimiter", out string? delimiter);
        var entries = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string key in _objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            int cut = delimiter is null ? -1 : key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
            entries.Add(cut < 0 ? key : key[..(cut + 1)]);
        }

        const int pageSize = 2;
        int start = parameters.TryGetValue("continuation-token", out string? token) ? int.Parse(token, System.Globalization.CultureInfo.InvariantCulture) : 0;
        List<string> page = entries.Skip(start).Take(pageSize).ToList();
        bool truncated = start + page.Count < entries.Count;
        XNamespace ns = "http://s3.amazonaws.com/doc/2006-03-01/";
        var result = new XElement(
            ns + "ListBucketResult",
            new XElement(ns + "Name", Bucket),
            new XElement(ns + "Prefix", prefix),
            new XElement(ns + "KeyCount", page.Count),
            new XElement(ns + "IsTruncated", truncated ? "true" : "false"),
            truncated ? new XElement(ns + "NextContinuationToken", (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)) : null,
            page.Where(e => !e.EndsWith('/')).Select(k => new XElement(
                ns + "Contents",
                new XElement(ns + "Key", k),
                new XElement(ns + "LastModified", "2026-11-24T08:00:00.000Z"),
                new XElement(ns + "ETag", "\"" + Convert.ToHexString(MD5.HashData(_objects[k])).ToLowerInvariant() + "\""),
                new XElement(ns + "Size", _objects[k].Length))),
            page.Where(e => e.EndsWith('/')).Select(p => new XElement(ns + "CommonPrefixes", new XElement(ns + "Prefix", p))));
        return Encoding.UTF8.GetBytes(new XDocument(result).ToString(SaveOptions.DisableFormatting));
    }

    private byte[] Select(byte[] gzip)
    {
        using var reader = new StreamReader(new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress));
        byte[] records = Encoding.UTF8.GetBytes(reader.ReadToEnd());
        var stream = new MemoryStream();
        for (int offset = 0; offset < records.Length; offset += 64)
        {
            stream.Write(Message(records[offset..Math.Min(records.Length, offset + 64)], (":event-type", "Records"), (":content-type", "application/octet-stream"), (":message-type", "event")));
            if (SelectFailsMidStream is var (code, message))
            {
                stream.Write(Message([], (":error-code", code), (":error-message", message), (":message-type", "error")));
                return stream.ToArray();
            }
        }

        stream.Write(Message([], (":event-type", "End"), (":message-type", "event")));
        return stream.ToArray();
    }

    private static byte[] Message(byte[] payload, params (string Name, string Value)[] headers)
    {
        var headerBytes = new MemoryStream();
        foreach ((string name, string value) in headers)
        {
            byte[] nameBytes = Encoding.UTF8.GetBytes(name);
            byte[] valueBytes = Encoding.UTF8.GetBytes(value);
            headerBytes.WriteByte((byte)nameBytes.Length);
            headerBytes.Write(nameBytes);
            headerBytes.WriteByte(7);
            headerBytes.WriteByte((byte)(valueBytes.Length >> 8));
            headerBytes.WriteByte((byte)valueBytes.Length);
            headerBytes.Write(valueBytes);
        }

        int total = 12 + (int)headerBytes.Length + payload.Length + 4;
        byte[] message = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(0), (uint)total);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), (uint)headerBytes.Length);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(8), Crc32(message.AsSpan(0, 8)));
        headerBytes.ToArray().CopyTo(message, 12);
        payload.CopyTo(message, 12 + (int)headerBytes.Length);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(total - 4), Crc32(message.AsSpan(0, total - 4)));
        return message;
    }

    // CRC-32 (IEEE, reflected), as the event-stream prelude and message checksums use.
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] Error(string code, string message) =>
        Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message><RequestId>MODULEFAKE</RequestId></Error>");

    /// <summary>Sends the first <paramref name="cut"/> bytes, then waits <see cref="BodyStall"/> (or until the server closes) before the rest.</summary>
    private void WriteStalled(HttpListenerResponse response, byte[] body, int cut)
    {
        response.StatusCode = 200;
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body.AsSpan(0, cut));
        response.OutputStream.Flush();
        Closing.WaitHandle.WaitOne(BodyStall);
        response.OutputStream.Write(body.AsSpan(cut));
    }
}
