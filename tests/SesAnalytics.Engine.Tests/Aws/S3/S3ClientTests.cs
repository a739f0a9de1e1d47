using System.Text;
using SesAnalytics.Engine.Aws;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Tests.Aws.Support;
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
        List<string> lines = Lines(20);
        _fake.Put("o.gz", S3Fake.Gzip(lines));
        var sink = new RecordingSink();

        using var s3 = new S3Client(Context(_fake.Endpoint));
        List<string> records = await ReadAll(s3, "o.gz", sink);

        Assert.Equal(lines, records);
        Assert.Contains(sink.Verboses, m => m.StartsWith("S3 Select progress s3://ses-events/o.gz: ", StringComparison.Ordinal) && m.EndsWith(" 100 returned.", StringComparison.Ordinal));
        string returned = lines.Sum(l => l.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(sink.Verboses, m => m.StartsWith("S3 Select scanned s3://ses-events/o.gz: ", StringComparison.Ordinal) && m.EndsWith($" {returned} returned.", StringComparison.Ordinal));
        S3Fake.SeenRequest select = Assert.Single(_fake.Requests, r => r.Method == "POST");
        Assert.Equal(string.Empty, select.Query["select"]);
        Assert.Equal("2", select.Query["select-type"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=" + AccessKey + "/", select.Headers["authorization"], StringComparison.Ordinal);
        Assert.Contains("/us-east-1/s3/aws4_request", select.Headers["authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frames_split_across_network_reads_still_give_every_record()
    {
        List<string> lines = Lines(12);
        byte[] answer = Answer(lines);
        // Pieces of 1, 5, 13 and 40 bytes cut preludes, headers, payloads and CRCs in every way.
        using var server = new TricklingS3(TricklingS3.Cut(answer, 1, 5, 13, 40));

        using var s3 = new S3Client(Context(server.Endpoint));
        List<string> records = await ReadAll(s3, "o.gz", new RecordingSink());

        Assert.Equal(lines, records);
    }

    [Fact]
    public async Task A_stream_without_End_is_SelectIncomplete_after_the_records_that_came()
    {
        _fake.Put("o.gz", S3Fake.Gzip(Lines(5)));
        _fake.Select = S3Fake.SelectBehaviour.NoEnd;

        using var s3 = new S3Client(Context(_fake.Endpoint));
        var records = new List<string>();
        var error = await Assert.ThrowsAsync<SesAnalyticsException>(() => ReadInto(s3, "o.gz", records));

        Assert.Equal("SelectIncomplete", error.ErrorId);
        Assert.Equal(ErrorKind.ReadError, error.Kind);
        Assert.Equal(Lines(5), records);
    }

    [Fact]
    public async Task An_error_event_in_mid_stream_surfaces_S3s_code_message_and_request_id_after_every_record_before_it()
    {
        List<string> lines = Lines(20);
        _fake.Put("o.gz", S3Fake.Gzip(lines));
        _fake.Select = S3Fake.SelectBehaviour.ErrorMidStream;

        using var s3 = new S3Client(Context(_fake.Endpoint));
        var records = new List<string>();
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ReadInto(s3, "o.gz", records));

        Assert.Equal("InvalidTextEncoding", error.ErrorCode);
        Assert.Equal("InvalidTextEncoding", error.ErrorId);
        Assert.Contains("UTF-8 encoding is required.", error.AwsMessage, StringComparison.Ordinal);
        Assert.Contains("s3://ses-events/o.gz", error.Message, StringComparison.Ordinal);
        Assert.Equal("REQ200FAKE", error.RequestId);
        Assert.Equal(200, error.StatusCode);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.DoesNotContain(SecretKey, error.ToString(), StringComparison.Ordinal);
        // The fake sends three Records events (300 bytes) and the error in one body: every whole record in them counts.
        int whole = WholeRecordsIn(lines, 300);
        Assert.Equal(lines[..whole], records);
    }

    [Fact]
    public async Task An_error_event_arriving_in_its_own_network_read_keeps_the_records_before_it()
    {
        List<string> lines = Lines(6);
        byte[] records = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
        byte[] answer = [.. EventStreamEncoder.Records(records), .. EventStreamEncoder.Error("OverMaxRecordSize", "The character number in one record is more than our max threshold.")];
        using var server = new TricklingS3(TricklingS3.Cut(answer, 7));

        using var s3 = new S3Client(Context(server.Endpoint));
        var seen = new List<string>();
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ReadInto(s3, "o.gz", seen));

        Assert.Equal("OverMaxRecordSize", error.ErrorCode);
        Assert.Equal("REQTRICKLE", error.RequestId);
        Assert.Equal(lines, seen);
    }

    [Fact]
    public async Task A_corrupt_frame_is_a_clear_error_after_the_records_before_it()
    {
        List<string> lines = Lines(20);
        _fake.Put("o.gz", S3Fake.Gzip(lines));
        _fake.Select = S3Fake.SelectBehaviour.CorruptFrame;

        using var s3 = new S3Client(Context(_fake.Endpoint));
        var records = new List<string>();
        var error = await Assert.ThrowsAsync<SesAnalyticsException>(() => ReadInto(s3, "o.gz", records));

        Assert.Equal("SelectStreamCorrupt", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Contains("s3://ses-events/o.gz", error.Message, StringComparison.Ordinal);
        Assert.Contains("Checksum", error.Message, StringComparison.Ordinal);
        Assert.Equal(lines[..WholeRecordsIn(lines, 100)], records);
    }

    [Fact]
    public async Task Cancelling_stops_a_read_blocked_on_the_network_promptly()
    {
        List<string> lines = Lines(2);
        byte[] records = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
        using var server = new TricklingS3([EventStreamEncoder.Records(records)], stall: true);
        using var cancel = new CancellationTokenSource();

        using var s3 = new S3Client(Context(server.Endpoint));
        await using IAsyncEnumerator<string> reader = s3.SelectObjectContentAsync(S3Fake.Bucket, "o.gz", "SELECT * FROM S3Object[*] s", new RecordingSink(), cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await reader.MoveNextAsync());
        Assert.True(await reader.MoveNextAsync());
        ValueTask<bool> blocked = reader.MoveNextAsync();
        await Task.Delay(200);
        Assert.False(blocked.IsCompleted);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await blocked);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the read took {clock.Elapsed} to stop");
    }

    [Fact]
    public async Task A_stream_that_goes_silent_times_out_after_the_records_that_came()
    {
        List<string> lines = Lines(2);
        byte[] records = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
        using var server = new TricklingS3([EventStreamEncoder.Records(records)], stall: true);
        AwsClientOptions options = TestClients.Options("s3", "S3", server.Endpoint, handler: null) with { AttemptTimeout = TimeSpan.FromMilliseconds(500) };
        using var http = new AwsHttpClient(options);
        var select = new S3Select(http, new S3Addressing(server.Endpoint, isAwsEndpoint: false));

        var seen = new List<string>();
        var error = await Assert.ThrowsAsync<SesAnalyticsException>(async () =>
        {
            await foreach (string record in select.RunAsync(S3Fake.Bucket, "o.gz", "SELECT * FROM S3Object[*] s", new RecordingSink(), default))
            {
                seen.Add(record);
            }
        });

        Assert.Equal(("SelectTimedOut", ErrorKind.OperationTimeout), (error.ErrorId, error.Kind));
        Assert.Contains("s3://ses-events/o.gz", error.Message, StringComparison.Ordinal);
        Assert.Equal(lines, seen);
    }

    [Theory]
    [InlineData(405, "MethodNotAllowed", "The specified method is not allowed against this resource.")]
    [InlineData(501, "NotImplemented", "A header you provided implies functionality that is not implemented.")]
    [InlineData(403, "AccessDenied", "S3 Select is not available for this account.")]
    public async Task S3_Select_closed_to_the_account_is_recognised(int status, string code, string message)
    {
        _fake.Put("o.gz", S3Fake.Gzip(["{}"]));
        _fake.Select = S3Fake.SelectBehaviour.NotAvailable;
        _fake.Refusal = (status, code, message);

        using var s3 = new S3Client(Context(_fake.Endpoint));
        var error = await Assert.ThrowsAsync<AwsServiceException>(async () =>
        {
            await foreach (string unused in s3.SelectObjectContentAsync(S3Fake.Bucket, "o.gz", "SELECT * FROM S3Object[*] s", new RecordingSink(), default))
            {
                Assert.Fail("no record may arrive");
            }
        });

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(message, error.AwsMessage);
        Assert.Equal($"REQ{status}FAKE", error.RequestId);
        Assert.True(S3Errors.IsSelectUnavailable(error));
        Assert.Single(_fake.Requests, r => r.Method == "POST");
        Assert.False(S3Errors.IsSelectUnavailable(new AwsServiceException("S3", 403, "AccessDenied", "Access Denied", null, ErrorKind.PermissionDenied)));
    }

    [Fact]
    public async Task A_missing_key_in_Select_is_mapped_as_for_the_other_operations()
    {
        using var s3 = new S3Client(Context(_fake.Endpoint));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ReadAll(s3, "missing.gz", new RecordingSink()));

        Assert.Equal(("NoSuchKey", 404, ErrorKind.ObjectNotFound, "REQ404FAKE"), (error.ErrorCode, error.StatusCode, error.Kind, error.RequestId));
        Assert.False(S3Errors.IsSelectUnavailable(error));
        Assert.DoesNotContain(SecretKey, error.ToString(), StringComparison.Ordinal);
    }

    private static List<string> Lines(int count) =>
        Enumerable.Range(0, count).Select(i => $"{{\"n\":{i},\"text\":\"record number {i}\"}}").ToList();

    /// <summary>How many of <paramref name="lines"/> end, newline included, within the first <paramref name="bytes"/> bytes.</summary>
    private static int WholeRecordsIn(List<string> lines, int bytes)
    {
        int count = 0;
        for (int end = 0; count < lines.Count && (end += lines[count].Length + 1) <= bytes; count++)
        {
        }

        return count;
    }

    private static byte[] Answer(List<string> lines)
    {
        byte[] records = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
        var answer = new MemoryStream();
        for (int offset = 0; offset < records.Length; offset += 64)
        {
            answer.Write(EventStreamEncoder.Records(records[offset..Math.Min(records.Length, offset + 64)]));
            answer.Write(EventStreamEncoder.Cont());
        }

        answer.Write(EventStreamEncoder.Stats(1, 2, records.Length));
        answer.Write(EventStreamEncoder.End());

        return answer.ToArray();
    }

    private static async Task<List<string>> ReadAll(S3Client s3, string key, RecordingSink sink)
    {
        var records = new List<string>();
        await ReadInto(s3, key, records, sink);
        return records;
    }

    private static async Task ReadInto(S3Client s3, string key, List<string> records, RecordingSink? sink = null)
    {
        await foreach (string record in s3.SelectObjectContentAsync(S3Fake.Bucket, key, "SELECT * FROM S3Object[*] s", sink ?? new RecordingSink(), default))
        {
            records.Add(record);
        }
    }
}
