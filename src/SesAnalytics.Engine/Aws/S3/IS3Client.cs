using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Aws.S3;

/// <summary>The S3 operations the module uses. Every failure AWS reports is an <see cref="AwsServiceException"/>.</summary>
public interface IS3Client : IDisposable
{
    /// <summary>Every object under <paramref name="prefix"/>, page after page, yielded as each page arrives.</summary>
    IAsyncEnumerable<S3ObjectSummary> ListObjectsAsync(string bucketName, string prefix, CancellationToken cancellationToken);

    /// <summary>The common prefixes one level below <paramref name="prefix"/> (delimiter <c>/</c>), such as <c>partitioned/example.com/</c>.</summary>
    IAsyncEnumerable<string> ListCommonPrefixesAsync(string bucketName, string prefix, CancellationToken cancellationToken);

    /// <summary>Opens the object's body as a stream read from the network; the caller disposes it.</summary>
    Task<S3ObjectContent> GetObjectAsync(string bucketName, string key, CancellationToken cancellationToken);

    Task<S3ObjectSummary> HeadObjectAsync(string bucketName, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Runs an S3 Select expression over a GZIP JSON-lines object and yields each output record (one JSON text) as the
    /// Records events arrive; Stats and Progress go to <paramref name="sink"/> as verbose messages. An error event in
    /// the stream ends the enumeration with an <see cref="AwsServiceException"/>.
    /// </summary>
    IAsyncEnumerable<string> SelectObjectContentAsync(string bucketName, string key, string expression, IOutputSink sink, CancellationToken cancellationToken);
}
