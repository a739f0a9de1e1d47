using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace SesAnalytics.Engine.Aws.Signing;

/// <summary>
/// Signs an <see cref="HttpRequestMessage"/> with AWS Signature Version 4. The canonical request is built here, because
/// AWSSDK.Core's public <c>AWSSigV4Signer</c> always adds and signs <c>x-amz-content-sha256</c> and cannot choose between
/// S3's and everyone else's path encoding; the string to sign, the signing key and the HMAC come from AWSSDK.Core's
/// public <see cref="AWS4Signer.ComputeSignature(ImmutableCredentials, string, DateTime, string, string, string)"/>.
/// </summary>
public static class RequestSigner
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string DateHeader = "X-Amz-Date";
    public const string SecurityTokenHeader = "X-Amz-Security-Token";
    public const string ContentSha256Header = "x-amz-content-sha256";

    /// <summary>
    /// Adds <c>Host</c>, <c>X-Amz-Date</c>, the session token and <c>Authorization</c> to <paramref name="request"/>,
    /// replacing those of an earlier attempt. <paramref name="body"/> is the exact content the request sends.
    /// </summary>
    public static SigningResult Sign(
        HttpRequestMessage request,
        ReadOnlySpan<byte> body,
        ImmutableCredentials credentials,
        SigningOptions options,
        DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(request.RequestUri);
        DateTime utc = signedAt.UtcDateTime;
        foreach (string stale in new[] { "Authorization", DateHeader, SecurityTokenHeader, ContentSha256Header })
        {
            request.Headers.Remove(stale);
        }

        SetHost(request);
        request.Headers.TryAddWithoutValidation(DateHeader, CanonicalRequest.FormatAmzDate(utc));
        string payloadHash = CanonicalRequest.HashHex(body);
        if (options.AddContentSha256Header)
        {
            request.Headers.TryAddWithoutValidation(ContentSha256Header, payloadHash);
        }

        bool hasToken = credentials.UseToken;
        if (hasToken && options.SignSessionToken)
        {
            request.Headers.TryAddWithoutValidation(SecurityTokenHeader, credentials.Token);
        }

        var headers = CanonicalRequest.Headers(AllHeaders(request));
        string canonical = CanonicalRequest.Build(
            request.Method.Method, request.RequestUri, CanonicalRequest.ParseQuery(request.RequestUri.Query), headers, payloadHash, options);
        AWS4SigningResult result = AWS4Signer.ComputeSignature(
            credentials, options.Region, utc, options.Service, CanonicalRequest.SignedHeaders(headers), canonical);
        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
        if (hasToken && !options.SignSessionToken)
        {
            request.Headers.TryAddWithoutValidation(SecurityTokenHeader, credentials.Token);
        }

        return new SigningResult(canonical, StringToSign(utc, options, canonical), result.Signature);
    }

    /// <summary>
    /// Rewrites <paramref name="request"/>'s URI into a presigned URL valid for <paramref name="expires"/>: the
    /// signature travels in the query string and only the request's current headers are signed.
    /// </summary>
    public static SigningResult Presign(
        HttpRequestMessage request,
        ReadOnlySpan<byte> body,
        ImmutableCredentials credentials,
        SigningOptions options,
        DateTimeOffset signedAt,
        TimeSpan expires)
    {
        ArgumentNullException.ThrowIfNull(request.RequestUri);
        DateTime utc = signedAt.UtcDateTime;
        SetHost(request);
        var headers = CanonicalRequest.Headers(AllHeaders(request));
        string signedHeaders = CanonicalRequest.SignedHeaders(headers);
        var added = new List<KeyValuePair<string, string>>
        {
            new("X-Amz-Algorithm", Algorithm),
            new("X-Amz-Credential", credentials.AccessKey + "/" + Scope(utc, options)),
            new("X-Amz-Date", CanonicalRequest.FormatAmzDate(utc)),
            new("X-Amz-Expires", ((long)expires.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        var tokenParameter = new KeyValuePair<string, string>(SecurityTokenHeader, credentials.Token ?? string.Empty);
        if (credentials.UseToken && options.SignSessionToken)
        {
            added.Add(tokenParameter);
        }

        added.Add(new("X-Amz-SignedHeaders", signedHeaders));
        var query = CanonicalRequest.ParseQuery(request.RequestUri.Query);
        query.AddRange(added);
        string canonical = CanonicalRequest.Build(request.Method.Method, request.RequestUri, query, headers, CanonicalRequest.HashHex(body), options);
        AWS4SigningResult result = AWS4Signer.ComputeSignature(credentials, options.Region, utc, options.Service, signedHeaders, canonical);

        added.Add(new("X-Amz-Signature", result.Signature));
        if (credentials.UseToken && !options.SignSessionToken)
        {
            added.Add(tokenParameter);
        }

        string existing = request.RequestUri.Query.TrimStart('?');
        string appended = string.Join('&', added.Select(p => UriEncoding.Encode(p.Key) + "=" + UriEncoding.Encode(p.Value)));
        var builder = new UriBuilder(request.RequestUri) { Query = existing.Length == 0 ? appended : existing + "&" + appended };
        request.RequestUri = builder.Uri;
        return new SigningResult(canonical, StringToSign(utc, options, canonical), result.Signature);
    }

    public static string Scope(DateTime utc, SigningOptions options) =>
        $"{utc:yyyyMMdd}/{options.Region}/{options.Service}/aws4_request";

    private static string StringToSign(DateTime utc, SigningOptions options, string canonicalRequest) =>
        string.Join('\n', Algorithm, CanonicalRequest.FormatAmzDate(utc), Scope(utc, options), CanonicalRequest.HashHex(canonicalRequest));

    private static void SetHost(HttpRequestMessage request)
    {
        if (request.Headers.Host is null)
        {
            Uri uri = request.RequestUri!;
            request.Headers.Host = uri.IsDefaultPort ? uri.IdnHost : uri.IdnHost + ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static IEnumerable<KeyValuePair<string, IEnumerable<string>>> AllHeaders(HttpRequestMessage request)
    {
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            yield return new(name, values);
        }

        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers.NonValidated)
            {
                yield return new(name, values);
            }
        }
    }
}
