using System.Net;

namespace SesAnalytics.Fakes;

/// <summary>One request a fake received: what tests assert on (operation, path, query, body, signature).</summary>
public sealed record FakeRequest(string Method, string Path, string Query, string Body, string? ContentType, string? Target, string Authorization)
{
    /// <summary>The query string's parameters, decoded.</summary>
    public IReadOnlyDictionary<string, string> QueryParameters => Decode(Query);

    /// <summary>A form-encoded body's fields (awsQuery protocols), decoded.</summary>
    public IReadOnlyDictionary<string, string> Form => Decode(Body);

    internal static FakeRequest From(HttpListenerRequest request, string body)
    {
        string raw = request.RawUrl ?? "/";
        int question = raw.IndexOf('?', StringComparison.Ordinal);
        return new FakeRequest(
            request.HttpMethod,
            question < 0 ? raw : raw[..question],
            question < 0 ? string.Empty : raw[(question + 1)..],
            body,
            request.ContentType,
            request.Headers["X-Amz-Target"],
            request.Headers["Authorization"] ?? string.Empty);
    }

    private static Dictionary<string, string> Decode(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = pair.Split('=', 2);
            values[WebUtility.UrlDecode(parts[0])] = parts.Length > 1 ? WebUtility.UrlDecode(parts[1]) : string.Empty;
        }

        return values;
    }
}
