using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Tests.Aws.Context;

public sealed class AwsContextResolverTests
{
    private static readonly AwsContextRequest Keys = new() { AccessKey = "AKIDEXAMPLE", SecretKey = "secret" };

    [Fact]
    public void RegionComesFromTheParameterThenTheSessionThenTheEnvironment()
    {
        var environment = Environment(("AWS_REGION", "eu-west-3"), ("AWS_DEFAULT_REGION", "eu-north-1"));
        var resolver = new AwsContextResolver(environment);

        Assert.Equal("us-east-2", resolver.Resolve(Keys with { Region = "us-east-2", StoredRegion = "ca-central-1" }).Region);
        Assert.Equal("ca-central-1", resolver.Resolve(Keys with { StoredRegion = "ca-central-1" }).Region);
        AwsContext fromEnvironment = resolver.Resolve(Keys);
        Assert.Equal("eu-west-3", fromEnvironment.Region);
        Assert.Equal("environment variable AWS_REGION", fromEnvironment.RegionSource);
        Assert.Equal("eu-north-1", new AwsContextResolver(Environment(("AWS_DEFAULT_REGION", "eu-north-1"))).Resolve(Keys).Region);
    }

    [Theory]
    [InlineData("us-east-1", "aws", "https://email.us-east-1.amazonaws.com/")]
    [InlineData("cn-northwest-1", "aws-cn", "https://email.cn-northwest-1.amazonaws.com.cn/")]
    [InlineData("us-gov-west-1", "aws-us-gov", "https://email.us-gov-west-1.amazonaws.com/")]
    public void EndpointsFollowThePartition(string region, string partition, string sesEndpoint)
    {
        AwsContext context = new AwsContextResolver(Environment()).Resolve(Keys with { Region = region });

        Assert.Equal(partition, context.Partition);
        Assert.Equal(sesEndpoint, context.EndpointFor(AwsService.SesV2).ToString());
        Assert.Equal($"https://firehose.{region}.{context.DnsSuffix}/", context.EndpointFor(AwsService.Firehose).ToString());
    }

    [Fact]
    public void ServiceEndpointVariableBeatsTheGlobalOneAndTheParameterBeatsBoth()
    {
        var environment = Environment(("AWS_ENDPOINT_URL", "http://localhost:4566"), ("AWS_ENDPOINT_URL_SESV2", "http://localhost:9000"));
        var resolver = new AwsContextResolver(environment);

        AwsContext context = resolver.Resolve(Keys with { Region = "us-east-1" });
        Assert.Equal("http://localhost:9000/", context.EndpointFor(AwsService.SesV2).ToString());
        Assert.Equal("http://localhost:4566/", context.EndpointFor(AwsService.Athena).ToString());

        AwsContext explicitEndpoint = resolver.Resolve(Keys with { Region = "us-east-1", EndpointUrl = "http://127.0.0.1:1234" });
        Assert.Equal("http://127.0.0.1:1234/", explicitEndpoint.EndpointFor(AwsService.SesV2).ToString());
    }

    [Fact]
    public void ConfiguredEndpointsCanBeIgnored()
    {
        var environment = Environment(("AWS_ENDPOINT_URL", "http://localhost:4566"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));

        AwsContext context = new AwsContextResolver(environment).Resolve(Keys with { Region = "eu-west-1" });

        Assert.Equal("https://athena.eu-west-1.amazonaws.com/", context.EndpointFor(AwsService.Athena).ToString());
    }

    [Fact]
    public void ClientOptionsCarryTheServicesSigningNameAndEndpoint()
    {
        AwsContext context = new AwsContextResolver(Environment()).Resolve(Keys with { Region = "eu-west-1" });

        var options = context.ClientOptions(AwsService.SesV2, maxAttempts: 5);

        Assert.Equal("ses", options.SigningService);
        Assert.Equal("SESv2", options.ServiceName);
        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal(new Uri("https://email.eu-west-1.amazonaws.com/"), options.Endpoint);
        Assert.Equal(5, options.MaxAttempts);
    }

    [Fact]
    public void SessionTokenMakesSessionCredentials()
    {
        AwsContext context = new AwsContextResolver(Environment()).Resolve(Keys with { Region = "us-east-1", SessionToken = "token" });

        Amazon.Runtime.ImmutableCredentials credentials = context.Credentials.GetCredentials();
        Assert.Equal("token", credentials.Token);
        Assert.Equal("the -AccessKey/-SecretKey parameters", context.CredentialSource);
    }

    [Fact]
    public void DescriptionsNeverCarryTheSecret()
    {
        AwsContext context = new AwsContextResolver(Environment()).Resolve(
            new AwsContextRequest { Region = "us-east-1", AccessKey = "AKIDEXAMPLE1234", SecretKey = "TopSecretValue", SessionToken = "SessionTokenValue" });

        string text = context.DescribeSources() + context.Describe() + string.Join(",", context.Describe().Endpoints);
        Assert.DoesNotContain("TopSecretValue", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SessionTokenValue", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIDEXAMPLE1234", text, StringComparison.Ordinal);
        Assert.Contains("1234", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us_east_1")]
    [InlineData("US-EAST-1")]
    [InlineData("us-east-1; rm")]
    public void MalformedRegionIsRejected(string region)
    {
        var error = Assert.Throws<InvalidInputException>(() => new AwsContextResolver(Environment()).Resolve(Keys with { Region = region }));
        Assert.Equal("InvalidAwsRegion", error.ErrorId);
    }

    [Fact]
    public void MalformedEndpointIsRejected()
    {
        AwsContext context = new AwsContextResolver(Environment()).Resolve(Keys with { Region = "us-east-1", EndpointUrl = "localhost:4566" });

        var error = Assert.Throws<InvalidInputException>(() => context.EndpointFor(AwsService.S3));
        Assert.Equal("InvalidEndpointUrl", error.ErrorId);
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return name => map.TryGetValue(name, out string? value) ? value : null;
    }
}
