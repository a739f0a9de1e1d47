using SesAnalytics.Engine.Aws;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Aws.S3;

public sealed class S3ClientTests : IDisposable
{
    internal const string AccessKey = "AKIDS3FAKEEXAMPLE";
    internal const string SecretKey = "s3FakeSecretKeyDoNotShow/K7MDENG+bPxRfiCY";

    private readonly S3Fake _fake = new();

    public void Dispose() => _fake.Dispose();

    internal static AwsContext Context(Uri endpoint) => new AwsContextResolver().Resolve(new AwsContextRequest
    {
        Region = "us-east-1",
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        EndpointUrl = endpoint.ToString(),
    });

    [Fact]
    public async Task Listing_follows_continuation_tokens_and_requests_are_path_style_and_SigV4_signed()
    {
        for (int i = 0; i < 5; i++)
        {
            _fake.Put($"partitioned/example.com/Send/2026/11/24/o{i}.gz", S3Fake.Gzip(["{}"]));
        }

        using var s3 = new S3Client(Context(_fake.Endpoint));
        var keys = new List<string>();
        await foreach (S3ObjectSummary item in s3.ListObjectsAsync(S3Fake.Bucket, "partitioned/example.com/", default))
        {
            keys.Add(item.Key);
            Assert.Equal(S3Fake.Gzip(["{}"]).Length, item.Size);
            Assert.DoesNotContain("\"", item.ETag, StringComparison.Ordinal);
        }

        Assert.Equal(5, keys.Count);
        Assert.Equal(3, _fake.Lists.Count());
        Assert.All(_fake.Requests, r =>
        {
            Assert.Equal(S3Fake.Bucket, r.Bucket);
            Assert.Contains("/us-east-1/s3/aws4_request", r.Headers["authorization"], StringComparison.Ordinal);
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=" + AccessKey + "/", r.Headers["authorization"], StringComparison.Ordinal);
            Assert.True(r.Headers.ContainsKey("x-amz-content-sha256"));
        });
    }

    [Fact]
    public async Task Common_prefixes_list_the_identities()
    {
        _fake.Put("partitioned/a.example/Send/2026/11/24/x.gz", [1]);
        _fake.Put("partitioned/b.example/Bounce/2026/11/24/y.gz", [1]);
        _fake.Put("partitioned/c.example/Open/2026/11/24/z.gz", [1]);
        _fake.Put("errors/processing-failed/2026/11/24/e.gz", [1]);

        using var s3 = new S3Client(Context(_fake.Endpoint));
        var prefixes = new List<string>();
        await foreach (string prefix in s3.ListCommonPrefixesAsync(S3Fake.Bucket, "partitioned/", default))
        {
            prefixes.Add(prefix);
        }

        Assert.Equal(["partitioned/a.example/", "partitioned/b.example/", "partitioned/c.example/"], prefixes);
        Assert.All(_fake.Lists, r => Assert.Equal("/", r.Query["delimiter"]));
    }

    [Fact]
    public async Task GetObject_streams_the_body_and_HeadObject_describes_it()
    {
        byte[] body = S3Fake.Gzip(["{\"a\":1}", "{\"a\":2}"]);
        _fake.Put("partitioned/example.com/Send/2026/11/24/o.gz", body);

        using var s3 = new S3Client(Context(_fake.Endpoint));
        await using (S3ObjectContent content = await s3.GetObjectAsync(S3Fake.Bucket, "partitioned/example.com/Send/2026/11/24/o.gz", default))
        {
            var copy = new MemoryStream();
            await content.Body.CopyToAsync(copy);
            Assert.Equal(body, copy.ToArray());
        }

        S3ObjectSummary head = await s3.HeadObjectAsync(S3Fake.Bucket, "partitioned/example.com/Send/2026/11/24/o.gz", default);
        Assert.Equal(body.Length, head.Size);
        Assert.Equal(32, head.ETag.Length);
    }

    [Fact]
    public async Task A_missing_key_is_an_AwsServiceException_with_the_request_id_and_no_secret()
    {
        using var s3 = new S3Client(Context(_fake.Endpoint));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => s3.GetObjectAsync(S3Fake.Bucket, "partitioned/nothing.gz", default));

        Assert.Equal("NoSuchKey", error.ErrorCode);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        Assert.Equal("REQ404FAKE", error.RequestId);
        Assert.DoesNotContain(SecretKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelectObjectContent_yields_whole_records_across_Records_events_and_ends_on_End()
    {
        List<string> lines = Enumerable.Range(0, 20).Select(i => $"{{\"n\":{i},\"text\":\"record number {i}\"}}").ToList();
        _fake.Put("o.gz", S3Fake.Gzip(lines));
        var sink = new RecordingSink();

        using var s3 = new S3Client(Context(_fake.Endpoint));
        var records = new List<string>();
        await foreach (string record in s3.SelectObjectContentAsync(S3Fake.Bucket, "o.gz", "SELECT * FROM S3Object[*] s", sink, default))
        {
            records.Add(record);
        }

        Assert.Equal(lines, records);
        S3Fake.SeenRequest select = Assert.Single(_fake.Requests, r => r.Method == "POST");
        Assert.True(select.Query.ContainsKey("select"));
        Assert.Contains("/s3/aws4_request", select.Headers["authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_event_in_mid_stream_is_an_engine_error()
    {
        _fake.Put("o.gz", S3Fake.Gzip(Enumerable.Range(0, 20).Select(i => $"{{\"n\":{i}}}")));
        _fake.Select = S3Fake.SelectBehaviour.ErrorMidStream;

        using var s3 = new S3Client(Context(_fake.Endpoint));
        var error = await Assert.ThrowsAsync<AwsServiceException>(async () =>
        {
            await foreach (string unused in s3.SelectObjectContentAsync(S3Fake.Bucket, "o.gz", "SELECT * FROM S3Object[*] s", new RecordingSink(), default))
            {
            }
        });

        // AWSSDK.S3 4.1 reads an error event's :error-code header as an int32, so S3's string code and message are lost
        // in its exception; what matters is that the stream ends in an engine error naming the object.
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Contains("s3://ses-events/o.gz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task S3_Select_closed_to_the_account_is_recognised()
    {
        _fake.Put("o.gz", S3Fake.Gzip(["{}"]));
        _fake.Select = S3Fake.SelectBehaviour.NotAvailable;

        using var s3 = new S3Client(Context(_fake.Endpoint));
        var error = await Assert.ThrowsAsync<AwsServiceException>(async () =>
        {
            await foreach (string unused in s3.SelectObjectContentAsync(S3Fake.Bucket, "o.gz", "SELECT * FROM S3Object[*] s", new RecordingSink(), default))
            {
                Assert.Fail("no record may arrive");
            }
        });

        Assert.Equal("MethodNotAllowed", error.ErrorCode);
        Assert.True(S3Errors.IsSelectUnavailable(error));
        Assert.False(S3Errors.IsSelectUnavailable(new AwsServiceException("S3", 403, "AccessDenied", "Access Denied", null, ErrorKind.PermissionDenied)));
    }
}
