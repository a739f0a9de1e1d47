using System.Text.RegularExpressions;
using SesAnalytics.Engine.Aws.Signing;

namespace SesAnalytics.Engine.Aws.S3;

/// <summary>
/// Where an S3 request goes, by the rules AWSSDK.S3 follows for the rest of <see cref="S3Client"/>: on AWS's own
/// endpoint a bucket whose name is a valid host label is its own host (virtual-hosted style), any other bucket and any
/// other endpoint (LocalStack, MinIO, a test fake) are addressed path-style. Keys are percent-encoded segment by
/// segment, every byte but <c>A-Za-z0-9-_.~</c>, with their <c>/</c> kept and dot segments kept as keys.
/// </summary>
internal sealed partial class S3Addressing(Uri endpoint, bool isAwsEndpoint)
{
    /// <summary>The request's endpoint and its path and query, e.g. <c>/key?select</c> for a virtual-hosted bucket.</summary>
    public (Uri Endpoint, string PathAndQuery) Locate(string bucketName, string key, string query)
    {
        string path = "/" + string.Join('/', key.Split('/').Select(Segment));
        string suffix = query.Length == 0 ? string.Empty : "?" + query;
        if (isAwsEndpoint && HostLabel().IsMatch(bucketName))
        {
            var host = new UriBuilder(endpoint) { Host = bucketName + "." + endpoint.Host };
            return (host.Uri, path + suffix);
        }

        return (endpoint, "/" + UriEncoding.Encode(bucketName) + path + suffix);
    }

    /// <summary>
    /// A segment of the key. <c>.</c> and <c>..</c> are valid in a key but a URI would resolve them away (and read
    /// another object), so their dots are percent-encoded: S3 decodes them back, and the signature covers that text.
    /// </summary>
    private static string Segment(string segment) =>
        segment is "." or ".." ? segment.Replace(".", "%2E", StringComparison.Ordinal) : UriEncoding.Encode(segment);

    /// <summary>
    /// A name that fits one DNS label under a TLS wildcard certificate: no dots (the certificate covers one level) and
    /// not shaped like an IP address.
    /// </summary>
    [GeneratedRegex("^(?!\\d+$)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex HostLabel();
}
