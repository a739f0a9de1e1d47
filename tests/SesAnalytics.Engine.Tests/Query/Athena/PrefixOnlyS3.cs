using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Tests.Query.Athena;

/// <summary>An S3 that only lists identity prefixes, and records the buckets it was asked about.</summary>
internal sealed class PrefixOnlyS3(params string[] identities) : IS3Client
{
    public ConcurrentQueue<string> Listed { get; } = new();

    public async IAsyncEnumerable<string> ListCommonPrefixesAsync(string bucketName, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Listed.Enqueue(bucketName);
        foreach (string identity in identities)
        {
            await Task.Yield();
            yield return prefix + identity + "/";
        }
    }

    public IAsyncEnumerable<S3ObjectSummary> ListObjectsAsync(string bucketName, string prefix, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<S3ObjectContent> GetObjectAsync(string bucketName, string key, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<S3ObjectSummary> HeadObjectAsync(string bucketName, string key, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<string> SelectObjectContentAsync(string bucketName, string key, string expression, IOutputSink sink, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public void Dispose()
    {
    }
}
