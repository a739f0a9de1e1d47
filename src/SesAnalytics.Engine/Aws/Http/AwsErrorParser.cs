using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace SesAnalytics.Engine.Aws.Http;

/// <summary>
/// Reads the error of a failed AWS response in any of its three wire shapes: JSON (<c>__type</c> or <c>code</c>, with
/// an optional <c>namespace#</c> prefix, and <c>message</c>/<c>Message</c>) with or without the
/// <c>x-amzn-ErrorType</c> header, awsQuery XML (<c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;</c>) and S3's XML
/// (<c>&lt;Error&gt;&lt;Code&gt;</c>).
/// </summary>
public static class AwsErrorParser
{
    private static readonly string[] RequestIdHeaders = ["x-amzn-RequestId", "x-amz-request-id", "x-amzn-request-id"];

    public static AwsError Parse(int statusCode, HttpResponseHeaders? headers, ReadOnlySpan<byte> body)
    {
        string? requestId = RequestIdFrom(headers);
        string? code = headers is not null && headers.TryGetValues("x-amzn-ErrorType", out var types)
            ? Normalize(types.First())
            : null;
        string? message = null;

        string text = Encoding.UTF8.GetString(body).Trim();
        if (text.StartsWith('{'))
        {
            ReadJson(text, ref code, ref message);
        }
        else if (text.StartsWith('<'))
        {
            ReadXml(text, ref code, ref message, ref requestId);
        }

        return new AwsError(code ?? DefaultCode(statusCode), message ?? string.Empty, requestId);
    }

    public static string? RequestIdFrom(HttpResponseHeaders? headers)
    {
        foreach (string name in RequestIdHeaders)
        {
            if (headers is not null && headers.TryGetValues(name, out var values))
            {
                return values.First();
            }
        }

        return null;
    }

    private static void ReadJson(string text, ref string? code, ref string? message)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                switch (property.Name)
                {
                    case "__type" or "code" or "Code" when code is null:
                        code = Normalize(property.Value.GetString()!);
                        break;
                    case "message" or "Message" or "errorMessage":
                        message ??= property.Value.GetString();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A body that is not JSON after all leaves the status code to speak.
        }
    }

    private static void ReadXml(string text, ref string? code, ref string? message, ref string? requestId)
    {
        try
        {
            XElement root = XElement.Parse(text);
            XElement? error = root.Name.LocalName == "Error" ? root : root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            if (error is null)
            {
                return;
            }

            code ??= Child(error, "Code");
            message ??= Child(error, "Message");
            requestId ??= Child(root, "RequestId") ?? Child(error, "RequestId");
        }
        catch (System.Xml.XmlException)
        {
            // As for JSON: an unreadable body leaves the status code to speak.
        }
    }

    private static string? Child(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    /// <summary><c>aws.namespace#Code:http://internal/...</c> becomes <c>Code</c>.</summary>
    private static string Normalize(string code)
    {
        int colon = code.IndexOf(':', StringComparison.Ordinal);
        string withoutSuffix = colon < 0 ? code : code[..colon];
        int hash = withoutSuffix.LastIndexOf('#');
        return (hash < 0 ? withoutSuffix : withoutSuffix[(hash + 1)..]).Trim();
    }

    private static string DefaultCode(int statusCode) => statusCode switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        429 => "TooManyRequestsException",
        500 => "InternalFailure",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => "Http" + statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
