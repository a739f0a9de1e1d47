using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.S3;

namespace SesAnalytics.Engine.Tests.Aws.S3;

public sealed class S3AddressingTests
{
    private static readonly Uri Aws = new("https://s3.eu-west-1.amazonaws.com/");
    private static readonly Uri LocalStack = new("http://localhost:4566/");

    [Fact]
    public void A_bucket_that_is_a_host_label_is_its_own_host_on_AWS()
    {
        var (endpoint, pathAndQuery) = new S3Addressing(Aws, isAwsEndpoint: true).Locate("ses-events", "partitioned/a.example/o.gz", "select&select-type=2");

        Assert.Equal(new Uri("https://ses-events.s3.eu-west-1.amazonaws.com/"), endpoint);
        Assert.Equal("/partitioned/a.example/o.gz?select&select-type=2", pathAndQuery);
    }

    [Theory]
    [InlineData("ses.events.example")]
    [InlineData("Ses-Events")]
    [InlineData("192168010")]
    public void A_bucket_that_cannot_be_a_host_label_is_addressed_path_style_on_AWS(string bucket)
    {
        var (endpoint, pathAndQuery) = new S3Addressing(Aws, isAwsEndpoint: true).Locate(bucket, "o.gz", "select");

        Assert.Equal(Aws, endpoint);
        Assert.Equal($"/{bucket}/o.gz?select", pathAndQuery);
    }

    [Theory]
    [InlineData("a/../b.gz", "/ses-events/a/%2E%2E/b.gz")]
    [InlineData("./b.gz", "/ses-events/%2E/b.gz")]
    [InlineData("a/.../b..gz", "/ses-events/a/.../b..gz")]
    public void Dot_segments_of_a_key_survive_the_request_uri(string key, string expected)
    {
        var (endpoint, pathAndQuery) = new S3Addressing(LocalStack, isAwsEndpoint: false).Locate("ses-events", key, string.Empty);

        Assert.Equal(expected, pathAndQuery);
        // What the HTTP layer sends: the URI must not resolve the segments into another key.
        Assert.Equal(expected, AwsHttpClient.RequestUri(endpoint, pathAndQuery).AbsolutePath);
    }

    [Fact]
    public void Any_other_endpoint_is_addressed_path_style()
    {
        var (endpoint, pathAndQuery) = new S3Addressing(LocalStack, isAwsEndpoint: false).Locate("ses-events", "o.gz", string.Empty);

        Assert.Equal(LocalStack, endpoint);
        Assert.Equal("/ses-events/o.gz", pathAndQuery);
    }

    [Fact]
    public void Keys_are_percent_encoded_segment_by_segment_with_their_slashes_kept()
    {
        var (_, pathAndQuery) = new S3Addressing(LocalStack, isAwsEndpoint: false).Locate("b", "partitioned/a b+c=d/ü~x_y-z.gz", string.Empty);

        Assert.Equal("/b/partitioned/a%20b%2Bc%3Dd/%C3%BC~x_y-z.gz", pathAndQuery);
    }
}
