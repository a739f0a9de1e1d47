using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SesAnalytics.Engine.Aws;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.SesV2;
using SesAnalytics.Engine.Aws.SesV2.Model;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Tests.Aws.Support;

namespace SesAnalytics.Engine.Tests.Aws.SesV2;

/// <summary>SES v2 errors (header or body), what each becomes, and the path encoding the signature covers.</summary>
public sealed class SesV2ClientTests
{
    private static readonly Uri Endpoint = new("https://email.eu-west-1.amazonaws.com/");

    [Fact]
    public async Task An_email_identity_is_encoded_once_in_the_path_and_again_in_the_signed_canonical_URI()
    {
        var handler = new CapturingHandler(_ => CapturingHandler.Json("""{"IdentityType":"EMAIL_ADDRESS"}"""));
        var client = new SesV2Client(new AwsHttpClient(TestClients.Options("ses", "SESv2", Endpoint, handler)));

        await client.GetEmailIdentityAsync("a@b.com", default);

        CapturedRequest request = Assert.Single(handler.Requests);
        Assert.Equal("/v2/email/identities/a%40b.com", request.Uri.AbsolutePath);
        Assert.Equal("/v2/email/identities/a%40b.com", request.Uri.PathAndQuery);
        Assert.Equal(SignatureOf(request, "/v2/email/identities/a%2540b.com"), SignatureIn(request));
        Assert.NotEqual(SignatureOf(request, "/v2/email/identities/a%40b.com"), SignatureIn(request));
    }

    [Theory]
    [InlineData(404, "NotFoundException", "SesResourceNotFound", ErrorKind.ObjectNotFound)]
    [InlineData(400, "AlreadyExistsException", "SesResourceAlreadyExists", ErrorKind.ResourceExists)]
    [InlineData(400, "MessageRejected", "SesMessageRejected", ErrorKind.InvalidOperation)]
    [InlineData(400, "MailFromDomainNotVerifiedException", "SesMailFromDomainNotVerified", ErrorKind.InvalidOperation)]
    [InlineData(400, "AccountSuspendedException", "SesAccountSuspended", ErrorKind.PermissionDenied)]
    [InlineData(400, "SendingPausedException", "SesSendingPaused", ErrorKind.InvalidOperation)]
    [InlineData(400, "BadRequestException", "BadRequestException", ErrorKind.InvalidOperation)]
    public async Task Errors_map_to_clear_engine_errors_from_the_header_or_the_body(int status, string code, string errorId, ErrorKind kind)
    {
        foreach (bool inHeader in new[] { true, false })
        {
            var (client, handler) = Create(_ => Error(status, code, inHeader));

            var error = await Assert.ThrowsAnyAsync<SesAnalyticsException>(() => client.SendEmailAsync(SendEmailRequest.Simple("a@b.com", ["c@d.com"], "s", "t", null), default));

            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(kind, error.Kind);
            Assert.Contains($"{code} happened", error.Message, StringComparison.Ordinal);
            Assert.Contains("Request ID: rid-ses", error.Message, StringComparison.Ordinal);
            Assert.Single(handler.Requests);
        }
    }

    [Fact]
    public async Task AlreadyExists_lets_a_caller_fall_back_to_update()
    {
        var (client, handler) = Create(request => request.Method == HttpMethod.Post ? Error(400, "AlreadyExistsException", true) : CapturingHandler.Json("{}"));
        var definition = EventDestinationDefinition.ToFirehose([SesEventType.Send], new KinesisFirehoseDestination("arn:role", "arn:stream"));

        try
        {
            await client.CreateConfigurationSetEventDestinationAsync("set", "dest", definition, default);
        }
        catch (SesAnalyticsException ex) when (ex.Kind == ErrorKind.ResourceExists)
        {
            await client.UpdateConfigurationSetEventDestinationAsync("set", "dest", definition, default);
        }

        Assert.Equal([HttpMethod.Post, HttpMethod.Put], handler.Requests.Select(r => r.Method));
    }

    [Theory]
    [InlineData(429, "TooManyRequestsException")]
    [InlineData(400, "LimitExceededException")]
    public async Task Throttling_is_LimitsExceeded_after_the_retries(int status, string code)
    {
        var (client, handler) = Create(_ => Error(status, code, true));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetConfigurationSetAsync("set", default));

        Assert.Equal(ErrorKind.LimitsExceeded, error.Kind);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Any_other_error_stays_the_AWS_error_with_its_kind()
    {
        var (client, _) = Create(_ => Error(400, "BadRequestException", false));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetEmailIdentityAsync("example.com", default));

        Assert.Equal("BadRequestException", error.ErrorCode);
    }

    private static (SesV2Client Client, CapturingHandler Handler) Create(Func<CapturedRequest, HttpResponseMessage> respond)
    {
        var handler = new CapturingHandler(respond);
        return (new SesV2Client(new AwsHttpClient(TestClients.Options("ses", "SESv2", Endpoint, handler))), handler);
    }

    private static HttpResponseMessage Error(int status, string code, bool inHeader)
    {
        string body = inHeader ? $$"""{"message":"{{code}} happened"}""" : $$"""{"__type":"{{code}}","message":"{{code}} happened"}""";
        HttpResponseMessage response = CapturingHandler.Json(body, (HttpStatusCode)status, "rid-ses");
        if (inHeader)
        {
            response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/com.amazonaws.sesv2/");
        }

        return response;
    }

    private static string SignatureIn(CapturedRequest request) =>
        Regex.Match(request.Headers["Authorization"], "Signature=([0-9a-f]{64})$").Groups[1].Value;

    /// <summary>SigV4 computed here from the captured request and the given canonical URI, independently of the engine's signer.</summary>
    private static string SignatureOf(CapturedRequest request, string canonicalUri)
    {
        string[] signed = Regex.Match(request.Headers["Authorization"], "SignedHeaders=([^,]+),").Groups[1].Value.Split(';');
        string headers = string.Concat(signed.Select(h => h + ":" + (h == "host" ? request.Uri.Authority : request.Headers[h].Trim()) + "\n"));
        string canonical = string.Join('\n', "GET", canonicalUri, string.Empty, headers, string.Join(';', signed), Hex(SHA256.HashData(request.Body)));
        string amzDate = request.Headers["X-Amz-Date"];
        string scope = $"{amzDate[..8]}/eu-west-1/ses/aws4_request";
        string toSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        byte[] key = Encoding.UTF8.GetBytes("AWS4" + TestClients.SecretKey);
        foreach (string part in new[] { amzDate[..8], "eu-west-1", "ses", "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);
}
