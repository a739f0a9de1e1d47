using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Tests.Support;

/// <summary>
/// An S3 in memory that only lists: the identity prefixes it is given, and for any other prefix one object named after
/// it, after <see cref="ListDelay"/>. It records the buckets asked about and how many object listings ran at once.
/// </summary>
internal sealed class ListingS3(params string[] identities) : IS3Client
{
    private int _running;
    private int _mostRunning;

    public ConcurrentQueue<string> Listed { get; } = new();

    public TimeSpan ListDelay { get; set; }

    public int MostListingsAtOnce => _mostRunning;

    public async IAsyncEnumerable<string> ListCommonPrefixesAsync(string bucketName, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Listed.Enqueue(bucketName);
        foreach (string identity in identities)
        {
            await Task.Yield();
            yield return prefix + identity + "/";
        }
    }

    public async IAsyncEnumerable<S3ObjectSummary> ListObjectsAsync(string bucketName, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _mostRunning, running);
        try
        {
            await Task.Delay(ListDelay, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }

        yield return new S3ObjectSummary(prefix + "object.gz", 1, new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc), "etag");
    }

    public Task<S3ObjectContent> GetObjectAsync(string bucketName, string key, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<S3ObjectSummary> HeadObjectAsync(string bucketName, string key, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<string> SelectObjectContentAsync(string bucketName, string key, string expression, IOutputSink sink, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public void Dispose()
    {
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
