using System.Diagnostics;
using System.Text.RegularExpressions;
using SesAnalytics.Engine.Aws;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.SesV2;
using SesAnalytics.Engine.Aws.SesV2.Model;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Tests.Aws.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace SesAnalytics.Engine.Tests.Aws.SesV2;

/// <summary>A WireMock server on 127.0.0.1 speaking SES v2's restJson1: signing scope, what is retried and what never is, cancellation, secrets.</summary>
public sealed class SesV2WireTests : WireServerTests
{
    private const string Outbound = "/v2/email/outbound-emails";

    [Fact]
    public async Task Requests_are_signed_for_ses_and_reach_the_labelled_path()
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(Json(200, """{"IdentityType":"EMAIL_ADDRESS","VerifiedForSendingStatus":true}"""));

        EmailIdentity identity = await Client().GetEmailIdentityAsync("a@b.com", default);

        Assert.True(identity.VerifiedForSendingStatus);
        var entry = Assert.Single(await WireMockLog.WaitAsync(Server, 1));
        Assert.Matches(
            new Regex(@"^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\d{8}/eu-west-1/ses/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$"),
            entry.RequestMessage.Headers!["Authorization"].Single());
        Assert.Contains(entry.RequestMessage.Url, new[] { "a%40b.com", "a@b.com" }.Select(p => $"http://127.0.0.1:{Server.Port}/v2/email/identities/{p}"));
    }

    [Fact]
    public async Task SendEmail_is_not_retried_after_a_500()
    {
        Server.Given(Request.Create().WithPath(Outbound).UsingPost()).RespondWith(Json(500, """{"__type":"InternalFailure","message":"oops"}"""));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client().SendEmailAsync(Message(), default));

        Assert.Equal(ErrorKind.ResourceUnavailable, error.Kind);
        Assert.Equal(1, Sent.Count);
    }

    [Fact]
    public async Task SendEmail_is_retried_when_throttled_and_then_sends_once()
    {
        Server.Given(Request.Create().WithPath(Outbound).UsingPost()).InScenario("throttled").WillSetStateTo("once")
            .RespondWith(Json(429, """{"message":"Too many requests"}""").WithHeader("x-amzn-ErrorType", "TooManyRequestsException"));
        Server.Given(Request.Create().WithPath(Outbound).UsingPost()).InScenario("throttled").WhenStateIs("once")
            .RespondWith(Json(200, """{"MessageId":"m-1"}"""));

        string messageId = await Client().SendEmailAsync(Message(), default);

        Assert.Equal("m-1", messageId);
        Assert.Equal(2, Sent.Count);
    }

    [Fact]
    public async Task Reads_are_retried_after_a_500()
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(Json(503, """{"__type":"ServiceUnavailable","message":"later"}"""));

        await Assert.ThrowsAsync<AwsServiceException>(() => Client().GetConfigurationSetAsync("ses-analytics", default));

        Assert.Equal(3, Sent.Count);
    }

    [Fact]
    public async Task Cancellation_aborts_SendEmail_within_a_second()
    {
        Server.Given(Request.Create().WithPath(Outbound).UsingPost()).RespondWith(Json(200, """{"MessageId":"m-1"}""").WithDelay(TimeSpan.FromSeconds(3)));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().SendEmailAsync(Message(), cancellation.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1.3), stopwatch.Elapsed.ToString());
        Assert.Equal(1, Sent.Count);
    }

    [Fact]
    public async Task Secrets_echoed_by_the_server_never_reach_the_exception()
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create()
            .WithStatusCode(404)
            .WithHeader("x-amzn-ErrorType", "NotFoundException")
            .WithBody("{\"message\":\"No identity. Authorization: {{request.headers.Authorization}} token " + TestClients.SessionToken + " key " + TestClients.SecretKey + "\"}")
            .WithTransformer());

        var error = await Assert.ThrowsAnyAsync<SesAnalyticsException>(() => Client().GetEmailIdentityAsync("a@b.com", default));

        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        SecretAssert.NoSecrets(error);
    }

    private static SendEmailRequest Message() => SendEmailRequest.Simple("sender@example.com", ["success@simulator.amazonses.com"], "Test", "Hello", null);

    private SesV2Client Client() =>
        new(new AwsHttpClient(TestClients.Options("ses", "SESv2", new Uri($"http://127.0.0.1:{Server.Port}/"), Sent)));

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithHeader("x-amzn-RequestId", "rid-ses").WithBody(body);
}
