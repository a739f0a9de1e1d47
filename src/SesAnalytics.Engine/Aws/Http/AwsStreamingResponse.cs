namespace SesAnalytics.Engine.Aws.Http;

/// <summary>A successful AWS answer whose body is still arriving; disposing it closes the connection's stream.</summary>
public sealed class AwsStreamingResponse(int statusCode, string? requestId, Stream body, IDisposable owner) : IDisposable
{
    public int StatusCode { get; } = statusCode;

    public string? RequestId { get; } = requestId;

    public Stream Body { get; } = body;

    public void Dispose()
    {
        Body.Dispose();
        owner.Dispose();
    }
}
