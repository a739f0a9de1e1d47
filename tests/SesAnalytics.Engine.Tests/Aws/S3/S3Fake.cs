using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace SesAnalytics.Engine.Tests.Aws.S3;

/// <summary>
/// A path-style S3 on 127.0.0.1 (WireMock): ListObjectsV2 with continuation tokens and the <c>/</c> delimiter, GetObject,
/// HeadObject and SelectObjectContent in event-stream framing. Every request is kept for assertions.
/// </summary>
internal sealed class S3Fake : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ConcurrentDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);

    public S3Fake()
    {
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(Handle));
    }

    public const string Bucket = "ses-events";

    public Uri Endpoint => new($"http://127.0.0.1:{_server.Port}/");

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    /// <summary>Keys per ListObjectsV2 page, small so that paging is exercised.</summary>
    public int PageSize { get; set; } = 2;

    public SelectBehaviour Select { get; set; } = SelectBehaviour.Answer;

    /// <summary>The HTTP error SelectObjectContent answers with under <see cref="SelectBehaviour.NotAvailable"/>.</summary>
    public (int Status, string Code, string Message) Refusal { get; set; } = (405, "MethodNotAllowed", "The specified method is not allowed against this resource.");

    /// <summary>What S3 Select answers for an expression over the object's lines; by default every line (SELECT *).</summary>
    public Func<string, IReadOnlyList<string>, IEnumerable<string>> SelectAnswer { get; set; } = (_, lines) => lines;

    public void Put(string key, byte[] body) => _objects[key] = body;

    public static byte[] Gzip(IEnumerable<string> lines)
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));
        }

        return buffer.ToArray();
    }

    public IEnumerable<SeenRequest> Lists => Requests.Where(r => r.Method == "GET" && r.Query.ContainsKey("list-type"));

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private ResponseMessage Handle(IRequestMessage request)
    {
        var url = new Uri(request.AbsoluteUrl);
        Dictionary<string, string> query = ParseQuery(url.Query);
        string path = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        int slash = path.IndexOf('/', StringComparison.Ordinal);
        string bucket = slash < 0 ? path : path[..slash];
        string key = slash < 0 ? string.Empty : path[(slash + 1)..];
        var headers = (request.Headers ?? new Dictionary<string, WireMockList<string>>()).ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString() ?? string.Empty);
        Requests.Enqueue(new SeenRequest(request.Method, bucket, key, query, headers, url, request.Body ?? string.Empty));

        if (bucket != Bucket)
        {
            return Error(404, "NoSuchBucket", "The specified bucket does not exist");
        }

        if (request.Method == "GET" && query.ContainsKey("list-type"))
        {
            return List(query);
        }

        if (!_objects.TryGetValue(key, out byte[]? body))
        {
            return request.Method == "HEAD" ? Answer(404, "application/xml", []) : Error(404, "NoSuchKey", "The specified key does not exist.");
        }

        return request.Method switch
        {
            "GET" => Answer(200, "application/octet-stream", body, ETag(body)),
            "HEAD" => Answer(200, "application/octet-stream", [], ETag(body), body.Length),
            "POST" when query.ContainsKey("select") => SelectContent(request.Body ?? string.Empty, body),
            _ => Error(405, "MethodNotAllowed", "The specified method is not allowed against this resource."),
        };
    }

    private ResponseMessage List(Dictionary<string, string> query)
    {
        string prefix = query.GetValueOrDefault("prefix", string.Empty);
        query.TryGetValue("delimiter", out string? delimiter);
        var entries = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string key in _objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            int cut = delimiter is null ? -1 : key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
            entries.Add(cut < 0 ? key : key[..(cut + 1)]);
        }

        int start = query.TryGetValue("continuation-token", out string? token) ? int.Parse(token, System.Globalization.CultureInfo.InvariantCulture) : 0;
        List<string> page = entries.Skip(start).Take(PageSize).ToList();
        bool truncated = start + page.Count < entries.Count;
        XNamespace ns = "http://s3.amazonaws.com/doc/2006-03-01/";
        var result = new XElement(
            ns + "ListBucketResult",
            new XElement(ns + "Name", Bucket),
            new XElement(ns + "Prefix", prefix),
            new XElement(ns + "KeyCount", page.Count),
            new XElement(ns + "MaxKeys", 1000),
            delimiter is null ? null : new XElement(ns + "Delimiter", delimiter),
            new XElement(ns + "IsTruncated", truncated ? "true" : "false"),
            token is null ? null : new XElement(ns + "ContinuationToken", token),
            truncated ? new XElement(ns + "NextContinuationToken", (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)) : null,
            page.Where(e => !e.EndsWith('/')).Select(k => new XElement(
                ns + "Contents",
                new XElement(ns + "Key", k),
                new XElement(ns + "LastModified", "2026-11-24T08:00:00.000Z"),
                new XElement(ns + "ETag", ETag(_objects[k])),
                new XElement(ns + "Size", _objects[k].Length),
                new XElement(ns + "StorageClass", "STANDARD"))),
            page.Where(e => e.EndsWith('/')).Select(p => new XElement(ns + "CommonPrefixes", new XElement(ns + "Prefix", p))));
        return Answer(200, "application/xml", Encoding.UTF8.GetBytes(new XDocument(result).ToString(SaveOptions.DisableFormatting)));
    }

    private ResponseMessage SelectContent(string requestXml, byte[] body)
    {
        if (Select == SelectBehaviour.NotAvailable)
        {
            return Error(Refusal.Status, Refusal.Code, Refusal.Message);
        }

        string expression = XDocument.Parse(requestXml).Descendants().First(e => e.Name.LocalName == "Expression").Value;
        List<string> lines = Lines(body);
        byte[] records = Encoding.UTF8.GetBytes(string.Concat(SelectAnswer(expression, lines).Select(r => r + "\n")));
        var stream = new MemoryStream();
        // Records events cut the output every 100 bytes, through the middle of records, as S3 may; a Cont keeps the
        // connection alive and a Progress reports after the first one.
        for (int offset = 0; offset < records.Length; offset += 100)
        {
            byte[] frame = EventStreamEncoder.Records(records[offset..Math.Min(records.Length, offset + 100)]);
            if (Select == SelectBehaviour.CorruptFrame && offset > 0)
            {
                frame[frame.Length / 2] ^= 0x20;
            }

            stream.Write(frame);
            if (offset == 0)
            {
                stream.Write(EventStreamEncoder.Cont());
                stream.Write(EventStreamEncoder.Progress(body.Length, body.Length * 2L, 100));
            }

            if (Select == SelectBehaviour.ErrorMidStream && offset >= 200)
            {
                stream.Write(EventStreamEncoder.Error("InvalidTextEncoding", "UTF-8 encoding is required."));
                return Answer(200, "application/octet-stream", stream.ToArray());
            }
        }

        stream.Write(EventStreamEncoder.Stats(body.Length, body.Length * 4L, records.Length));
        if (Select != SelectBehaviour.NoEnd)
        {
            stream.Write(EventStreamEncoder.End());
        }

        return Answer(200, "application/octet-stream", stream.ToArray());
    }

    private static List<string> Lines(byte[] gzip)
    {
        using var reader = new StreamReader(new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress));
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static string ETag(byte[] body) => "\"" + Convert.ToHexString(MD5.HashData(body)).ToLowerInvariant() + "\"";

    private static ResponseMessage Error(int status, string code, string message) => Answer(
        status,
        "application/xml",
        Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message><RequestId>REQ{status}FAKE</RequestId><HostId>host</HostId></Error>"));

    private static ResponseMessage Answer(int status, string contentType, byte[] body, string? eTag = null, long? length = null)
    {
        var headers = new Dictionary<string, WireMockList<string>>
        {
            ["Content-Type"] = new(contentType),
            ["x-amz-request-id"] = new("REQ" + status + "FAKE"),
        };
        if (eTag is not null)
        {
            headers["ETag"] = new(eTag);
            headers["Last-Modified"] = new("Tue, 24 Nov 2026 08:00:00 GMT");
        }

        if (length is not null)
        {
            headers["Content-Length"] = new(length.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new ResponseMessage
        {
            StatusCode = status,
            Headers = headers,
            BodyData = body.Length == 0 ? null : new BodyData { BodyAsBytes = body, DetectedBodyType = BodyType.Bytes },
        };
    }

    private static Dictionary<string, string> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty, StringComparer.Ordinal);

    internal sealed record SeenRequest(
        string Method, string Bucket, string Key, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, Uri Url, string Body);

    internal enum SelectBehaviour
    {
        Answer,
        NotAvailable,
        ErrorMidStream,
        NoEnd,
        CorruptFrame,
    }
}
