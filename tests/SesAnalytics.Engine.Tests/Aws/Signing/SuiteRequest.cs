using System.Text;

namespace SesAnalytics.Engine.Tests.Aws.Signing;

/// <summary>
/// One request of a SigV4 test suite, as an <see cref="HttpRequestMessage"/>. The path and query stay exactly as
/// written (no dot-segment removal by <see cref="Uri"/>); a folded header line joins its header with a space, as
/// HTTP/1.1 tells a recipient to.
/// </summary>
internal static class SuiteRequest
{
    private static readonly UriCreationOptions Raw = new() { DangerousDisablePathAndQueryCanonicalization = true };

    public static (HttpRequestMessage Request, byte[] Body) Parse(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        int blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        string head = blank < 0 ? text : text[..blank];
        byte[] body = Encoding.UTF8.GetBytes(blank < 0 ? string.Empty : text[(blank + 2)..]);
        string[] lines = head.Split('\n');
        string requestLine = lines[0];
        string method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        string target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];

        var headers = new List<(string Name, string Value)>();
        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            if (char.IsWhiteSpace(line[0]))
            {
                headers[^1] = (headers[^1].Name, headers[^1].Value + " " + line);
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add((line[..colon], line[(colon + 1)..]));
        }

        string host = headers.First(h => h.Name.Equals("Host", StringComparison.OrdinalIgnoreCase)).Value;
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri("https://" + host + target, in Raw));
        bool hasContentHeaders = headers.Any(h => h.Name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase));
        if (body.Length > 0 || hasContentHeaders)
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content!.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return (request, body);
    }
}
