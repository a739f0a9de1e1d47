namespace SesAnalytics.Engine.Aws.Signing;

/// <summary>
/// How SigV4 canonicalises one service's requests. Every service but S3 removes dot segments and empty segments from
/// the path and encodes the already-encoded path a second time; S3 does neither and signs the payload hash as the
/// <c>x-amz-content-sha256</c> header.
/// </summary>
public sealed record SigningOptions
{
    public required string Service { get; init; }

    public required string Region { get; init; }

    public bool NormalizePath { get; init; } = true;

    public bool DoubleEncodePath { get; init; } = true;

    /// <summary>Sends and signs the payload hash as <c>x-amz-content-sha256</c> (S3 requires it).</summary>
    public bool AddContentSha256Header { get; init; }

    /// <summary>
    /// False adds <c>X-Amz-Security-Token</c> after signing, for the few services that want the token outside the
    /// signature.
    /// </summary>
    public bool SignSessionToken { get; init; } = true;

    public static SigningOptions For(string service, string region) =>
        string.Equals(service, "s3", StringComparison.Ordinal)
            ? new SigningOptions { Service = service, Region = region, NormalizePath = false, DoubleEncodePath = false, AddContentSha256Header = true }
            : new SigningOptions { Service = service, Region = region };
}
