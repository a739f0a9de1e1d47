using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SesAnalytics.Engine.Aws.Signing;

/// <summary>The SigV4 canonical request of one HTTP request: the exact text whose hash the signature covers.</summary>
internal static class CanonicalRequest
{
    /// <summary>Headers a proxy or the HTTP stack may add or change on the way, so signing them would break the signature.</summary>
    private static readonly HashSet<string> UnsignedHeaders = new(StringComparer.Ordinal)
    {
        "authorization", "connection", "expect", "keep-alive", "transfer-encoding", "user-agent", "x-amzn-trace-id",
    };

    public static string Build(
        string method,
        Uri uri,
        IReadOnlyList<KeyValuePair<string, string>> query,
        SortedDictionary<string, string> headers,
        string payloadHash,
        SigningOptions options) =>
        string.Join(
            '\n',
            method.ToUpperInvariant(),
            CanonicalUri(uri.AbsolutePath, options),
            CanonicalQuery(query),
            string.Concat(headers.Select(h => h.Key + ":" + h.Value + "\n")),
            SignedHeaders(headers),
            payloadHash);

    public static string SignedHeaders(SortedDictionary<string, string> headers) => string.Join(';', headers.Keys);

    /// <summary>Lower-case names, values trimmed with inner runs of white space collapsed, repeated headers joined by commas.</summary>
    public static SortedDictionary<string, string> Headers(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        var canonical = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in headers)
        {
            string key = name.ToLowerInvariant();
            if (UnsignedHeaders.Contains(key))
            {
                continue;
            }

            string value = string.Join(',', values.Select(CollapseWhiteSpace));
            canonical[key] = canonical.TryGetValue(key, out string? earlier) ? earlier + "," + value : value;
        }

        return canonical;
    }

    /// <summary>The query string's pairs as sent, percent-decoded; a key without <c>=</c> has an empty value.</summary>
    public static List<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (string part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            string key = equals < 0 ? part : part[..equals];
            string value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add(new(Uri.UnescapeDataString(key), Uri.UnescapeDataString(value)));
        }

        return pairs;
    }

    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> query) =>
        string.Join(
            '&',
            query.Select(p => (Key: UriEncoding.Encode(p.Key), Value: UriEncoding.Encode(p.Value)))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .ThenBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => p.Key + "=" + p.Value));

    public static string HashHex(ReadOnlySpan<byte> data) => Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();

    public static string HashHex(string text) => HashHex(Encoding.UTF8.GetBytes(text));

    public static string FormatAmzDate(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string CanonicalUri(string path, SigningOptions options)
    {
        if (path.Length == 0)
        {
            return "/";
        }

        string[] segments = path.Split('/');
        IEnumerable<string> kept = options.NormalizePath ? RemoveDotSegments(segments) : segments;
        IEnumerable<string> encoded = options.DoubleEncodePath
            ? kept.Select(UriEncoding.Encode)
            : kept.Select(s => UriEncoding.Encode(Uri.UnescapeDataString(s)));
        string joined = string.Join('/', encoded);
        if (!options.NormalizePath)
        {
            return joined;
        }

        bool trailingSlash = path.EndsWith('/') && joined.Length > 0;
        return "/" + joined + (trailingSlash ? "/" : string.Empty);
    }

    private static List<string> RemoveDotSegments(string[] segments)
    {
        var kept = new List<string>();
        foreach (string segment in segments)
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (kept.Count > 0)
                {
                    kept.RemoveAt(kept.Count - 1);
                }

                continue;
            }

            kept.Add(segment);
        }

        return kept;
    }

    private static string CollapseWhiteSpace(string value)
    {
        var collapsed = new StringBuilder(value.Length);
        bool inSpace = false;
        foreach (char c in value.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                inSpace = true;
                continue;
            }

            if (inSpace)
            {
                collapsed.Append(' ');
                inSpace = false;
            }

            collapsed.Append(c);
        }

        return collapsed.ToString();
    }
}
