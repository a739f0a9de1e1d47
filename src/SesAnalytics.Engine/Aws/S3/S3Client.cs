using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Aws.S3;

/// <summary>
/// <see cref="IS3Client"/> on AWSSDK.S3, but for SelectObjectContent (<see cref="S3Select"/>, on the module's own HTTP
/// layer). An endpoint other than AWS's own (LocalStack, MinIO, a test fake) is called path-style, since such endpoints
/// rarely resolve bucket subdomains.
/// </summary>
public sealed class S3Client : IS3Client
{
    private readonly AmazonS3Client _s3;
    private readonly AwsHttpClient _http;
    private readonly S3Select _select;

    public S3Client(AwsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        AwsClientOptions options = context.ClientOptions(AwsService.S3);
        int maxAttempts = options.MaxAttempts;
        var config = new AmazonS3Config
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = maxAttempts - 1,
        };
        Uri endpoint = options.Endpoint;
        bool isAwsEndpoint = endpoint == context.RegionalEndpoint(AwsService.S3);
        if (isAwsEndpoint)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(context.Region);
        }
        else
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = context.Region;
            config.ForcePathStyle = true;
        }

        _s3 = new AmazonS3Client(context.Credentials, config);
        _http = new AwsHttpClient(options);
        _select = new S3Select(_http, new S3Addressing(endpoint, isAwsEndpoint));
    }

    public async IAsyncEnumerable<S3ObjectSummary> ListObjectsAsync(string bucketName, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = bucketName, Prefix = prefix };
        do
        {
            ListObjectsV2Response page = await CallAsync(() => _s3.ListObjectsV2Async(request, cancellationToken), bucketName, prefix).ConfigureAwait(false);
            foreach (S3Object item in page.S3Objects ?? [])
            {
                yield return new S3ObjectSummary(item.Key, item.Size ?? 0, ToUtc(item.LastModified), Unquote(item.ETag));
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (!string.IsNullOrEmpty(request.ContinuationToken));
    }

    public async IAsyncEnumerable<string> ListCommonPrefixesAsync(string bucketName, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = bucketName, Prefix = prefix, Delimiter = "/" };
        do
        {
            ListObjectsV2Response page = await CallAsync(() => _s3.ListObjectsV2Async(request, cancellationToken), bucketName, prefix).ConfigureAwait(false);
            foreach (string common in page.CommonPrefixes ?? [])
            {
                yield return common;
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (!string.IsNullOrEmpty(request.ContinuationToken));
    }

    public async Task<S3ObjectContent> GetObjectAsync(string bucketName, string key, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest { BucketName = bucketName, Key = key };
        GetObjectResponse response = await CallAsync(() => _s3.GetObjectAsync(request, cancellationToken), bucketName, key).ConfigureAwait(false);
        return new S3ObjectContent(response.ResponseStream, Unquote(response.ETag), response);
    }

    public async Task<S3ObjectSummary> HeadObjectAsync(string bucketName, string key, CancellationToken cancellationToken)
    {
        var request = new GetObjectMetadataRequest { BucketName = bucketName, Key = key };
        GetObjectMetadataResponse response = await CallAsync(() => _s3.GetObjectMetadataAsync(request, cancellationToken), bucketName, key).ConfigureAwait(false);
        return new S3ObjectSummary(key, response.ContentLength, ToUtc(response.LastModified), Unquote(response.ETag));
    }

    public IAsyncEnumerable<string> SelectObjectContentAsync(string bucketName, string key, string expression, IOutputSink sink, CancellationToken cancellationToken) =>
        _select.RunAsync(bucketName, key, expression, sink, cancellationToken);

    public void Dispose()
    {
        _s3.Dispose();
        _http.Dispose();
    }

    private static async Task<T> CallAsync<T>(Func<Task<T>> call, string bucketName, string key)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmazonS3Exception error)
        {
            throw S3Errors.Map(error);
        }
        catch (Exception error) when (error is HttpRequestException or SocketException or AmazonClientException)
        {
            throw S3Errors.ConnectionFailed(
                $"Could not reach S3 for s3://{bucketName}/{key}: {error.Message} Check the network, the region and -EndpointUrl.",
                key,
                error);
        }
    }

    private static DateTime ToUtc(DateTime? time) => time is { } t ? t.ToUniversalTime() : DateTime.MinValue;

    private static string Unquote(string? eTag) => (eTag ?? string.Empty).Trim('"');
}
