using SesAnalytics.Engine.Aws;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Sts;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Tests.Aws.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SesAnalytics.Engine.Tests.Aws.Sts;

/// <summary>GetCallerIdentity through AWSSDK.SecurityToken against a WireMock server serving STS's awsQuery XML.</summary>
public sealed class StsCallerIdentityTests : IDisposable
{
    private const string Identity = """
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <GetCallerIdentityResult>
            <Arn>arn:aws:iam::123456789012:user/mail-admin</Arn>
            <UserId>AIDAEXAMPLEUSERID</UserId>
            <Account>123456789012</Account>
          </GetCallerIdentityResult>
          <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
        </GetCallerIdentityResponse>
        """;

    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    [Fact]
    public async Task Reads_the_identity_from_the_configured_endpoint_signed_for_sts()
    {
        _server.Given(Request.Create().WithPath("/").UsingPost()).RespondWith(Xml(200, Identity));
        using var sts = new StsCallerIdentity(Context());

        CallerIdentity identity = await sts.GetCallerIdentityAsync(default);

        Assert.Equal(new CallerIdentity("123456789012", "arn:aws:iam::123456789012:user/mail-admin", "AIDAEXAMPLEUSERID"), identity);
        var entry = Assert.Single(await WireMockLog.WaitAsync(_server, 1));
        Assert.Contains("Action=GetCallerIdentity", entry.RequestMessage.Body, StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/sts/aws4_request", entry.RequestMessage.Headers!["Authorization"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_credentials_are_an_AuthenticationError_without_secrets()
    {
        _server.Given(Request.Create().WithPath("/").UsingPost()).RespondWith(Xml(403, Error("InvalidClientTokenId", "The security token included in the request is invalid. Secret " + TestClients.SecretKey)));
        using var sts = new StsCallerIdentity(Context());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => sts.GetCallerIdentityAsync(default));

        Assert.Equal(ErrorKind.AuthenticationError, error.Kind);
        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
        Assert.Equal(403, error.StatusCode);
        Assert.Contains("Service: STS", error.Message, StringComparison.Ordinal);
        SecretAssert.NoSecrets(error);
    }

    [Fact]
    public async Task Throttling_is_retried_up_to_the_attempts_given()
    {
        _server.Given(Request.Create().WithPath("/").UsingPost()).RespondWith(Xml(400, Error("Throttling", "Rate exceeded")));
        using var sts = new StsCallerIdentity(Context(), maxAttempts: 2);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => sts.GetCallerIdentityAsync(default));

        Assert.Equal(ErrorKind.LimitsExceeded, error.Kind);
        await WireMockLog.WaitAsync(_server, 2);
    }

    [Fact]
    public async Task A_refused_connection_is_a_ConnectionError()
    {
        var context = new AwsContextResolver(_ => null).Resolve(Keys() with { EndpointUrl = "http://127.0.0.1:9/" });
        using var sts = new StsCallerIdentity(context, maxAttempts: 1);

        var error = await Assert.ThrowsAnyAsync<SesAnalyticsException>(() => sts.GetCallerIdentityAsync(default));

        Assert.Equal(ErrorKind.ConnectionError, error.Kind);
        SecretAssert.NoSecrets(error);
    }

    private AwsContext Context() => new AwsContextResolver(_ => null).Resolve(Keys() with { EndpointUrl = $"http://127.0.0.1:{_server.Port}/" });

    private static AwsContextRequest Keys() => new()
    {
        Region = "eu-west-1",
        AccessKey = TestClients.AccessKey,
        SecretKey = TestClients.SecretKey,
        SessionToken = TestClients.SessionToken,
    };

    private static string Error(string code, string message) =>
        $"<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>" +
        "<RequestId>rid-sts</RequestId></ErrorResponse>";

    private static IResponseBuilder Xml(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/xml").WithHeader("x-amzn-RequestId", "rid-sts").WithBody(body);
}
