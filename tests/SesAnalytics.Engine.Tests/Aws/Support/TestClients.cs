using Amazon.Runtime;
using SesAnalytics.Engine.Aws.Http;

namespace SesAnalytics.Engine.Tests.Aws.Support;

internal static class TestClients
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string SessionToken = "FQoGZXIvYXdzEXAMPLESESSIONTOKEN+/=secret";

    public static AwsClientOptions Options(string signingService, string serviceName, Uri endpoint, HttpMessageHandler? handler, int maxAttempts = 3) => new()
    {
        Endpoint = endpoint,
        Region = "eu-west-1",
        SigningService = signingService,
        ServiceName = serviceName,
        Credentials = _ => ValueTask.FromResult(new ImmutableCredentials(AccessKey, SecretKey, SessionToken)),
        MaxAttempts = maxAttempts,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxBackoff = TimeSpan.FromMilliseconds(5),
        Jitter = () => 1.0,
        Handler = handler,
    };
}
