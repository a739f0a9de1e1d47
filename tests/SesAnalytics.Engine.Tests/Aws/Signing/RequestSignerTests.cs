using Amazon.Runtime;
using SesAnalytics.Engine.Aws.Signing;

namespace SesAnalytics.Engine.Tests.Aws.Signing;

public sealed class RequestSignerTests
{
    private static readonly ImmutableCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token-value");
    private static readonly DateTimeOffset Time = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Fact]
    public void S3_keeps_the_path_as_sent_and_signs_the_payload_hash_header()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://bucket.s3.eu-west-1.amazonaws.com/a//b%40c.json");

        SigningResult result = RequestSigner.Sign(request, [], Credentials, SigningOptions.For("s3", "eu-west-1"), Time);

        string[] lines = result.CanonicalRequest.Split('\n');
        Assert.Equal("/a//b%40c.json", lines[1]);
        Assert.Contains("x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", lines);
        Assert.True(request.Headers.Contains(RequestSigner.ContentSha256Header));
    }

    [Fact]
    public void Other_services_normalise_and_encode_the_encoded_path_again()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://email.eu-west-1.amazonaws.com/v2/email/identities/user%40example.com");

        SigningResult result = RequestSigner.Sign(request, [], Credentials, SigningOptions.For("ses", "eu-west-1"), Time);

        Assert.Equal("/v2/email/identities/user%2540example.com", result.CanonicalRequest.Split('\n')[1]);
        Assert.False(request.Headers.Contains(RequestSigner.ContentSha256Header));
    }

    [Fact]
    public void Signing_again_replaces_the_previous_attempts_headers()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://firehose.us-east-1.amazonaws.com/");
        var options = SigningOptions.For("firehose", "us-east-1");

        RequestSigner.Sign(request, [], Credentials, options, Time);
        RequestSigner.Sign(request, [], Credentials, options, Time.AddMinutes(1));

        Assert.Single(request.Headers.GetValues("Authorization"));
        Assert.Equal("20150830T123700Z", Assert.Single(request.Headers.GetValues(RequestSigner.DateHeader)));
        Assert.Equal("session-token-value", Assert.Single(request.Headers.GetValues(RequestSigner.SecurityTokenHeader)));
        Assert.Equal("firehose.us-east-1.amazonaws.com", request.Headers.Host);
    }

    [Fact]
    public void The_result_never_shows_the_signature_through_ToString()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");

        SigningResult result = RequestSigner.Sign(request, [], Credentials, SigningOptions.For("service", "us-east-1"), Time);

        Assert.DoesNotContain(result.Signature, result.ToString(), StringComparison.Ordinal);
    }
}
