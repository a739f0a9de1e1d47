using Amazon.Runtime;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.SesV2;
using SesAnalytics.Fakes;
using SesAnalytics.Fakes.CloudFormation;
using SesAnalytics.Fakes.SesV2;

namespace SesAnalytics.Engine.Tests.Suppression;

/// <summary>The project's SES v2 fake on 127.0.0.1 and a real client of it, with retries that wait a millisecond.</summary>
internal sealed class SuppressionFixture : IDisposable
{
    private readonly CloudFormationFake _server = new();
    private readonly AwsHttpClient _http;

    public SuppressionFixture(int maxAttempts = 3)
    {
        _http = new AwsHttpClient(new AwsClientOptions
        {
            Endpoint = new Uri(_server.EndpointUrl),
            Region = LoopbackServer.Region,
            SigningService = "ses",
            ServiceName = "SESv2",
            Credentials = _ => ValueTask.FromResult(new ImmutableCredentials(LoopbackServer.AccessKey, LoopbackServer.SecretKey, null)),
            MaxAttempts = maxAttempts,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxBackoff = TimeSpan.FromMilliseconds(5),
        });
        Client = new SesV2Client(_http);
    }

    public SesV2Fake Ses => _server.Ses;

    public SesV2Client Client { get; }

    /// <summary>The suppression-list calls received, as "METHOD path after /v2/email/".</summary>
    public IReadOnlyList<string> Calls => Ses.Calls.Where(c => c.Contains(" suppression/", StringComparison.Ordinal)).ToList();

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }
}
