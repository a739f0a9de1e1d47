using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SesAnalytics.Engine.Aws;
using SesAnalytics.Engine.Aws.Athena;
using SesAnalytics.Engine.Aws.Firehose;
using SesAnalytics.Engine.Aws.Firehose.Model;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Tests.Aws.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;

namespace SesAnalytics.Engine.Tests.Aws.Http;

/// <summary>
/// A WireMock server on 127.0.0.1 speaking Firehose's and Athena's awsJson1_1 wire protocol, with faults injected:
/// signing on the wire, retries and their limit, what is not retried, cancellation, error mapping, secrets.
/// </summary>
public sealed class AwsHttpFaultTests : WireServerTests
{
    private const string ListStreams = "Firehose_20150804.ListDeliveryStreams";
    private const string PutRecordBatch = "Firehose_20150804.PutRecordBatch";
    private const string ListedStreams = """{"DeliveryStreamNames":["ses-events"],"HasMoreDeliveryStreams":false}""";

    private static readonly Regex SigV4Authorization = new(
        @"^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/(?<date>\d{8})/eu-west-1/(?<service>[a-z0-9-]+)/aws4_request, SignedHeaders=(?<headers>[a-z0-9-]+(;[a-z0-9-]+)*), Signature=[0-9a-f]{64}$");

    [Fact]
    public async Task Every_request_carries_a_well_formed_SigV4_signature_for_the_service_region_and_date()
    {
        Answer(ListStreams, Response.Create().WithStatusCode(200).WithBody(ListedStreams));
        Answer("AmazonAthena.GetQueryExecution", Response.Create().WithStatusCode(200).WithBody("""{"QueryExecution":{"QueryExecutionId":"q"}}"""));

        await Firehose().ListDeliveryStreamsAsync(new ListDeliveryStreamsRequest(), default);
        await new AthenaClient(new AwsHttpClient(TestClients.Options("athena", "Athena", Endpoint, new CountingHandler()))).GetQueryExecutionAsync("q", default);

        var entries = await LoggedAsync(2);
        foreach (var (entry, service) in entries.Zip(new[] { "firehose", "athena" }))
        {
            var headers = entry.RequestMessage.Headers!;
            Match authorization = SigV4Authorization.Match(headers["Authorization"].Single());
            Assert.True(authorization.Success, headers["Authorization"].Single());
            Assert.Equal(service, authorization.Groups["service"].Value);
            string amzDate = headers["X-Amz-Date"].Single();
            Assert.Matches(@"^\d{8}T\d{6}Z$", amzDate);
            Assert.Equal(amzDate[..8], authorization.Groups["date"].Value);
            Assert.Equal(TestClients.SessionToken, headers["X-Amz-Security-Token"].Single());
            string[] signed = authorization.Groups["headers"].Value.Split(';');
            Assert.Subset(signed.ToHashSet(), new HashSet<string> { "content-type", "host", "x-amz-date", "x-amz-security-token", "x-amz-target" });
        }
    }

    [Fact]
    public async Task Throttling_is_retried_and_the_call_succeeds()
    {
        Server.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", ListStreams))
            .InScenario("throttled").WillSetStateTo("once").RespondWith(Throttled());
        Server.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", ListStreams))
            .InScenario("throttled").WhenStateIs("once").WillSetStateTo("twice").RespondWith(Throttled());
        Server.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", ListStreams))
            .InScenario("throttled").WhenStateIs("twice").RespondWith(Response.Create().WithStatusCode(200).WithBody(ListedStreams));

        ListDeliveryStreamsResponse list = await Firehose().ListDeliveryStreamsAsync(new ListDeliveryStreamsRequest(), default);

        Assert.Equal(["ses-events"], list.DeliveryStreamNames);
        Assert.Equal(3, Sent.Count);
    }

    [Fact]
    public async Task Throttling_stops_at_the_attempt_limit_as_LimitsExceeded_with_the_request_id()
    {
        Answer(ListStreams, Throttled());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Firehose(maxAttempts: 4).ListDeliveryStreamsAsync(new ListDeliveryStreamsRequest(), default));

        Assert.Equal(4, Sent.Count);
        Assert.Equal(ErrorKind.LimitsExceeded, error.Kind);
        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Contains("(Service: Firehose; Status: 400; Error: ThrottlingException; Request ID: rid-throttled)", error.Message, StringComparison.Ordinal);
        SecretAssert.NoSecrets(error);
    }

    [Fact]
    public async Task A_single_allowed_attempt_is_never_retried()
    {
        Answer(ListStreams, Throttled());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Firehose(maxAttempts: 1).ListDeliveryStreamsAsync(new ListDeliveryStreamsRequest(), default));

        Assert.Equal(1, Sent.Count);
        Assert.Equal(ErrorKind.LimitsExceeded, error.Kind);
    }

    [Theory]
    [InlineData(500, "InternalFailure")]
    [InlineData(503, "SlowDown")]
    [InlineData(502, "BadGateway")]
    public async Task Server_errors_of_an_idempotent_call_are_retried_to_the_limit(int status, string code)
    {
        Answer(ListStreams, Error(status, code, "rid-5xx"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Firehose().ListDeliveryStreamsAsync(new ListDeliveryStreamsRequest(), default));

        Assert.Equal(3, Sent.Count);
        Assert.Equal(code == "SlowDown" ? ErrorKind.LimitsExceeded : ErrorKind.ResourceUnavailable, error.Kind);
        Assert.Contains("Request ID: rid-5xx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_500_after_which_the_server_may_have_acted_is_not_retried_for_PutRecordBatch()
    {
        Answer(PutRecordBatch, Error(500, "InternalFailure", "rid-put"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Firehose().PutRecordsAsync("ses-events", [[1, 2, 3]], default));

        Assert.Equal(1, Sent.Count);
        Assert.Equal(ErrorKind.ResourceUnavailable, error.Kind);
    }

    [Fact]
    public async Task Throttling_of_PutRecordBatch_is_retried_because_nothing_was_accepted()
    {
        Answer(PutRecordBatch, Error(503, "SlowDown", "rid-slow"));

        await Assert.ThrowsAsync<AwsServiceException>(() => Firehose().PutRecordsAsync("ses-events", [[1, 2, 3]], default));

        Assert.Equal(3, Sent.Count);
    }

    [Theory]
    [InlineData(400, "ValidationException", ErrorKind.InvalidArgument)]
    [InlineData(400, "ResourceNotFoundException", ErrorKind.ObjectNotFound)]
    [InlineData(400, "AccessDeniedException", ErrorKind.PermissionDenied)]
    [InlineData(403, "UnrecognizedClientException", ErrorKind.AuthenticationError)]
    [InlineData(403, "ExpiredTokenException", ErrorKind.AuthenticationError)]
    [InlineData(400, "InvalidArgumentException", ErrorKind.InvalidArgument)]
    public async Task Client_errors_are_not_retried_and_map_to_their_kind(int status, string code, ErrorKind kind)
    {
        Answer(ListStreams, Error(status, code, "rid-client"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Firehose().ListDeliveryStreamsAsync(new ListDeliveryStreamsRequest(), default));

        Assert.Equal(1, Sent.Count);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.ErrorId);
        Assert.Equal("rid-client", error.RequestId);
        Assert.Contains("Request ID: rid-client", error.Message, StringComparison.Ordinal);
        SecretAssert.NoSecrets(error);
    }

    [Theory]
    [InlineData(FaultType.EMPTY_RESPONSE)]
    [InlineData(FaultType.MALFORMED_RESPONSE_CHUNK)]
    public async Task Broken_answers_are_retried_for_idempotent_calls_only(FaultType fault)
    {
        Answer(ListStreams, Response.Create().WithFault(fault));
        Answer(PutRecordBatch, Response.Create().WithFault(fault));

        var listError = await Assert.ThrowsAsync<SesAnalyticsException>(() => Firehose().ListDeliveryStreamsAsync(new ListDeliveryStreamsRequest(), default));
        int afterList = Sent.Count;
        var putError = await Assert.ThrowsAsync<SesAnalyticsException>(() => Firehose().PutRecordsAsync("ses-events", [[1]], default));

        Assert.Equal(3, afterList);
        Assert.Equal(4, Sent.Count);
        Assert.Equal(ErrorKind.InvalidData, listError.Kind);
        Assert.Equal("AwsMalformedResponse", putError.ErrorId);
        SecretAssert.NoSecrets(listError);
    }

    [Fact]
    public async Task Connection_resets_are_retried_for_idempotent_calls_only()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _ = ResetEveryConnectionAsync(listener);
        var endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        var options = TestClients.Options("firehose", "Firehose", endpoint, Sent);

        var listError = await Assert.ThrowsAsync<SesAnalyticsException>(() => new FirehoseClient(new AwsHttpClient(options)).ListDeliveryStreamsAsync(new ListDeliveryStreamsRequest(), default));
        int afterList = Sent.Count;
        var putError = await Assert.ThrowsAsync<SesAnalyticsException>(() => new FirehoseClient(new AwsHttpClient(options)).PutRecordsAsync("ses-events", [[1]], default));

        Assert.Equal(3, afterList);
        Assert.Equal(4, Sent.Count);
        Assert.Equal(ErrorKind.ConnectionError, listError.Kind);
        Assert.Equal("AwsConnectionFailed", putError.ErrorId);
        SecretAssert.NoSecrets(listError);
    }

    [Fact]
    public async Task A_slow_answer_times_out_per_attempt_and_is_retried_to_the_limit()
    {
        Answer(ListStreams, Response.Create().WithStatusCode(200).WithBody(ListedStreams).WithDelay(TimeSpan.FromSeconds(2)));
        var options = TestClients.Options("firehose", "Firehose", Endpoint, Sent, maxAttempts: 2) with { AttemptTimeout = TimeSpan.FromMilliseconds(200) };

        var stopwatch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<SesAnalyticsException>(() => new FirehoseClient(new AwsHttpClient(options)).ListDeliveryStreamsAsync(new ListDeliveryStreamsRequest(), default));

        Assert.Equal(ErrorKind.OperationTimeout, error.Kind);
        Assert.Equal(2, Sent.Count);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), stopwatch.Elapsed.ToString());
    }

    [Fact]
    public async Task Cancellation_aborts_the_call_in_flight_within_a_second()
    {
        Answer(ListStreams, Response.Create().WithStatusCode(200).WithBody(ListedStreams).WithDelay(TimeSpan.FromSeconds(2)));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Firehose().ListDeliveryStreamsAsync(new ListDeliveryStreamsRequest(), cancellation.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1.3), stopwatch.Elapsed.ToString());
        Assert.Equal(1, Sent.Count);
    }

    [Fact]
    public async Task Cancellation_aborts_a_backoff_delay_within_a_second()
    {
        Answer(ListStreams, Throttled());
        var options = TestClients.Options("firehose", "Firehose", Endpoint, Sent) with { BaseDelay = TimeSpan.FromSeconds(30), MaxBackoff = TimeSpan.FromSeconds(30) };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new FirehoseClient(new AwsHttpClient(options)).ListDeliveryStreamsAsync(new ListDeliveryStreamsRequest(), cancellation.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1.3), stopwatch.Elapsed.ToString());
        Assert.Equal(1, Sent.Count);
    }

    [Fact]
    public async Task A_malformed_body_is_InvalidData_with_the_request_id()
    {
        Answer(ListStreams, Response.Create().WithStatusCode(200).WithHeader("x-amzn-RequestId", "rid-bad").WithBody("{\"DeliveryStreamNames\": [tru"));

        var error = await Assert.ThrowsAsync<SesAnalyticsException>(() => Firehose().ListDeliveryStreamsAsync(new ListDeliveryStreamsRequest(), default));

        Assert.Equal("AwsMalformedResponse", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Equal(3, Sent.Count);
        Assert.Contains("rid-bad", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_the_server_echoes_back_never_reach_the_exception()
    {
        Answer(ListStreams, Response.Create()
            .WithStatusCode(403)
            .WithHeader("x-amzn-RequestId", "rid-sig")
            .WithBody("{\"__type\":\"com.amazon.coral.service#SignatureDoesNotMatch\",\"message\":\"Signature mismatch. Authorization: {{request.headers.Authorization}} token "
                + TestClients.SessionToken + " secret " + TestClients.SecretKey + "\"}")
            .WithTransformer());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Firehose().ListDeliveryStreamsAsync(new ListDeliveryStreamsRequest(), default));

        Assert.Equal(ErrorKind.AuthenticationError, error.Kind);
        Assert.Contains("Signature mismatch", error.Message, StringComparison.Ordinal);
        SecretAssert.NoSecrets(error);
    }

    /// <summary>WireMock logs a request after it has answered it, so the log may lag the client by a moment.</summary>
    private async Task<List<WireMock.Logging.ILogEntry>> LoggedAsync(int count)
    {
        var waited = Stopwatch.StartNew();
        while (Server.LogEntries.Count() < count && waited.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(10);
        }

        var entries = Server.LogEntries.ToList();
        Assert.Equal(count, entries.Count);
        return entries;
    }

    private static async Task ResetEveryConnectionAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                using Socket socket = await listener.AcceptSocketAsync();
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The test is over and stopped the listener.
        }
    }

    private FirehoseClient Firehose(int maxAttempts = 3) =>
        new(new AwsHttpClient(TestClients.Options("firehose", "Firehose", Endpoint, Sent, maxAttempts)));

    private void Answer(string target, IResponseBuilder response) =>
        Server.Given(Request.Create().WithPath("/").UsingPost().WithHeader("X-Amz-Target", target)).RespondWith(response);

    private static IResponseBuilder Throttled() => Error(400, "ThrottlingException", "rid-throttled");

    private static IResponseBuilder Error(int status, string code, string requestId) =>
        Response.Create()
            .WithStatusCode(status)
            .WithHeader("x-amzn-RequestId", requestId)
            .WithHeader("Content-Type", "application/x-amz-json-1.1")
            .WithBody($$"""{"__type":"com.amazonaws.firehose#{{code}}","message":"{{code}} happened"}""");
}
