using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Aws.Sts;

/// <summary>
/// GetCallerIdentity through AWSSDK.SecurityToken, configured from an <see cref="AwsContext"/>: its credentials and
/// region, its STS endpoint when one is configured, and the same attempt count as our own clients. SDK errors come
/// out as <see cref="AwsServiceException"/>, with no secret in their text.
/// </summary>
public sealed class StsCallerIdentity : ICallerIdentity, IDisposable
{
    private readonly AmazonSecurityTokenServiceClient _client;
    private readonly AWSCredentials _credentials;
    private readonly string _host;

    public StsCallerIdentity(AwsContext context, int maxAttempts = 3)
    {
        if (maxAttempts < 1)
        {
            throw new InvalidInputException(
                "AwsMaxAttemptsOutOfRange", $"MaxAttempts is {maxAttempts}; it counts every attempt, the first included, so use 1 or more.", maxAttempts);
        }

        Uri endpoint = context.EndpointFor(AwsService.Sts);
        var config = new AmazonSecurityTokenServiceConfig { MaxErrorRetry = maxAttempts - 1 };
        if (endpoint != context.RegionalEndpoint(AwsService.Sts))
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = context.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(context.Region);
        }

        _credentials = context.Credentials;
        _host = endpoint.Host;
        _client = new AmazonSecurityTokenServiceClient(context.Credentials, config);
    }

    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken)
    {
        try
        {
            GetCallerIdentityResponse response = await _client.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
            return new CallerIdentity(response.Account, response.Arn, response.UserId);
        }
        catch (AmazonServiceException ex) when (ex.StatusCode != 0)
        {
            string[] secrets = Secrets();
            string code = SecretRedactor.Redact(ex.ErrorCode ?? "Http" + (int)ex.StatusCode, secrets);
            string message = SecretRedactor.Redact(ex.Message ?? string.Empty, secrets);
            throw new AwsServiceException(
                AwsService.Sts.ServiceId, (int)ex.StatusCode, code, message, ex.RequestId, AwsErrorClassifier.Classify(code, (int)ex.StatusCode, message));
        }
        catch (Exception ex) when (ex is AmazonClientException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new SesAnalyticsException(
                "AwsConnectionFailed",
                ErrorKind.ConnectionError,
                $"STS GetCallerIdentity failed: the call to {_host} did not complete ({SecretRedactor.Redact(ex.Message, Secrets())}). " +
                "Check the network, the endpoint and the credentials' source, then try again.",
                AwsService.Sts.ServiceId);
        }
    }

    public void Dispose() => _client.Dispose();

    private string[] Secrets()
    {
        try
        {
            ImmutableCredentials credentials = _credentials.GetCredentials();
            return [credentials.SecretKey, credentials.Token];
        }
        catch (AmazonClientException)
        {
            return [];
        }
    }
}
