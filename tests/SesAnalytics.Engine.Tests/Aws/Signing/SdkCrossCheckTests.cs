using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using SesAnalytics.Engine.Aws.Signing;

namespace SesAnalytics.Engine.Tests.Aws.Signing;

/// <summary>
/// AWSSDK.Core's public <see cref="AWSSigV4Signer"/> always signs <c>x-amz-content-sha256</c>, so it cannot reproduce
/// the test suites; with that header on, it must agree with <see cref="RequestSigner"/> byte for byte on the requests
/// our clients really send.
/// </summary>
public sealed class SdkCrossCheckTests
{
    [Theory]
    [InlineData("firehose", "https://firehose.eu-west-1.amazonaws.com/", "Firehose_20150804.PutRecordBatch")]
    [InlineData("athena", "https://athena.eu-west-1.amazonaws.com/", "AmazonAthena.StartQueryExecution")]
    [InlineData("s3", "https://bucket.s3.eu-west-1.amazonaws.com/logs/a%40b/c%20d.json?x-id=PutObject", "")]
    [InlineData("email", "https://email.eu-west-1.amazonaws.com/v2/email/identities/user%40example.com?NextToken=a%2Fb&PageSize=10", "")]
    public void Our_signature_equals_the_SDKs_when_both_sign_the_payload_hash(string service, string url, string target)
    {
        byte[] body = Encoding.UTF8.GetBytes("{\"QueryString\":\"SELECT 1\"}");
        var signedAt = new DateTime(2026, 1, 31, 8, 30, 15, DateTimeKind.Utc);
        var credentials = new SessionAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "token/+=");
        var sdkRequest = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = new Uri(url), Content = body };
        sdkRequest.Headers["Content-Type"] = "application/x-amz-json-1.1";
        var ours = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        ours.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
        if (target.Length > 0)
        {
            sdkRequest.Headers["X-Amz-Target"] = target;
            ours.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        AWSSigningResult sdk = AWSSigV4Signer.Sign(
            sdkRequest,
            new AWSSigV4Parameters { Credentials = credentials, Region = RegionEndpoint.EUWest1, Service = service, SignPayload = true, SignedAt = signedAt });
        RequestSigner.Sign(
            ours, body, credentials.GetCredentials(), SigningOptions.For(service, "eu-west-1") with { AddContentSha256Header = true }, signedAt);

        Assert.Equal(sdk.Headers["Authorization"], Assert.Single(ours.Headers.GetValues("Authorization")));
    }
}
