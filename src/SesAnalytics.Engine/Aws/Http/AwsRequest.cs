namespace SesAnalytics.Engine.Aws.Http;

/// <summary>
/// One operation call, before signing. <see cref="Idempotent"/> is the caller's promise that sending it twice does no
/// harm (a read, or a write carrying an idempotency token); only then are failures retried after which the server may
/// have acted: 5xx answers other than throttling, connection resets and timeouts. Throttling is retried always,
/// because a throttled request was refused before it did anything.
/// </summary>
public sealed record AwsRequest(string OperationName, HttpMethod Method, string PathAndQuery, byte[] Body, bool Idempotent)
{
    public string? ContentType { get; init; }

    /// <summary>Replaces the client's endpoint for this request: S3 addresses a bucket by its own host name.</summary>
    public Uri? Endpoint { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
