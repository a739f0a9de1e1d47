namespace SesAnalytics.Engine.Aws.S3;

/// <summary>An object's body, streamed from S3. Disposing it closes the connection, which is how a read is abandoned.</summary>
public sealed class S3ObjectContent(Stream body, string eTag, IDisposable? owner = null) : IAsyncDisposable, IDisposable
{
    public Stream Body { get; } = body;

    public string ETag { get; } = eTag;

    public void Dispose()
    {
        Body.Dispose();
        owner?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await Body.DisposeAsync().ConfigureAwait(false);
        owner?.Dispose();
    }
}
