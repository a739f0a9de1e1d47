using Amazon.Runtime;
using SesAnalytics.Engine.Aws.Http;

namespace SesAnalytics.Engine.Tests.Aws.Http;

public sealed class AwsClientOptionsTests
{
    private static readonly AwsClientOptions Defaults = new()
    {
        Endpoint = new Uri("https://firehose.eu-west-1.amazonaws.com/"),
        Region = "eu-west-1",
        SigningService = "firehose",
        ServiceName = "Firehose",
        Credentials = AwsClientOptions.FromCredentials(new BasicAWSCredentials("AKIDEXAMPLE", "secret")),
    };

    [Fact]
    public void Standard_mode_backoff_doubles_from_one_second_up_to_twenty()
    {
        var options = Defaults with { Jitter = () => 1.0 };

        Assert.Equal([1, 2, 4, 8, 16, 20, 20], Enumerable.Range(0, 7).Select(i => options.Backoff(i).TotalSeconds));
        Assert.Equal(3, options.MaxAttempts);
    }

    [Fact]
    public void Full_jitter_scales_the_whole_delay()
    {
        var options = Defaults with { Jitter = () => 0.25 };

        Assert.Equal(TimeSpan.FromSeconds(2), options.Backoff(3));
    }

    [Fact]
    public async Task SDK_credentials_serve_as_the_credentials_source()
    {
        ImmutableCredentials credentials = await Defaults.Credentials(default);

        Assert.Equal("AKIDEXAMPLE", credentials.AccessKey);
    }
}
