using Amazon.Runtime;
using SesAnalytics.Engine.Aws.Http;

namespace SesAnalytics.Engine.Aws.Context;

/// <summary>
/// The region, credentials and endpoints one command uses, with where each came from. Holds credentials: never output
/// it to users; <see cref="Describe"/> gives the safe summary.
/// </summary>
public sealed class AwsContext
{
    private readonly Func<string, string?> _environment;

    internal AwsContext(
        string region,
        string regionSource,
        string partition,
        string dnsSuffix,
        AWSCredentials credentials,
        string credentialSource,
        string? profileName,
        string? endpointUrl,
        Func<string, string?> environment)
    {
        Region = region;
        RegionSource = regionSource;
        Partition = partition;
        DnsSuffix = dnsSuffix;
        Credentials = credentials;
        CredentialSource = credentialSource;
        ProfileName = profileName;
        EndpointUrl = endpointUrl;
        _environment = environment;
    }

    public string Region { get; }

    public string RegionSource { get; }

    public string Partition { get; }

    public string DnsSuffix { get; }

    public AWSCredentials Credentials { get; }

    public string CredentialSource { get; }

    public string? ProfileName { get; }

    private string? EndpointUrl { get; }

    /// <summary>
    /// The endpoint for a service: <c>-EndpointUrl</c>, else <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, else
    /// <c>AWS_ENDPOINT_URL</c> (both ignored when <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> is true), else the
    /// service's regional endpoint in the region's partition.
    /// </summary>
    public Uri EndpointFor(AwsService service)
    {
        if (EndpointUrl is not null)
        {
            return ParseEndpoint(EndpointUrl, "-EndpointUrl");
        }

        bool ignoreConfigured = string.Equals(_environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase);
        if (!ignoreConfigured)
        {
            foreach (string variable in new[] { service.EndpointVariable, "AWS_ENDPOINT_URL" })
            {
                string? value = _environment(variable);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return ParseEndpoint(value, variable);
                }
            }
        }

        return RegionalEndpoint(service);
    }

    /// <summary>AWS's own endpoint of <paramref name="service"/> in this region, as used when nothing overrides it.</summary>
    public Uri RegionalEndpoint(AwsService service) => new($"https://{service.EndpointPrefix}.{Region}.{DnsSuffix}/");

    /// <summary>What a protocol client for <paramref name="service"/> needs: endpoint, region, signing name, credentials.</summary>
    public AwsClientOptions ClientOptions(AwsService service, int maxAttempts = 3) => new()
    {
        Endpoint = EndpointFor(service),
        Region = Region,
        SigningService = service.SigningName,
        ServiceName = service.ServiceId,
        Credentials = AwsClientOptions.FromCredentials(Credentials),
        MaxAttempts = maxAttempts,
    };

    public AwsContextSummary Describe() => new(
        Region,
        RegionSource,
        Partition,
        CredentialSource,
        ProfileName,
        MaskedAccessKeyId(),
        AwsService.All.ToDictionary(s => s.ServiceId, s => EndpointFor(s).ToString()));

    /// <summary>What -Verbose prints: never a secret, only the key id's last four characters.</summary>
    public string DescribeSources() =>
        $"AWS region {Region} (from {RegionSource}), partition {Partition}; credentials from {CredentialSource} (access key {MaskedAccessKeyId()}).";

    public string DescribeEndpoint(AwsService service) => $"{service.ServiceId} endpoint: {EndpointFor(service)}";

    private string MaskedAccessKeyId()
    {
        try
        {
            string id = Credentials.GetCredentials().AccessKey ?? string.Empty;
            return id.Length > 4 ? new string('*', id.Length - 4) + id[^4..] : "****";
        }
        catch (AmazonClientException)
        {
            return "(not resolved yet)";
        }
    }

    private static Uri ParseEndpoint(string value, string origin) =>
        Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new Errors.InvalidInputException("InvalidEndpointUrl", $"The endpoint '{value}' from {origin} is not an absolute http(s) URL.", value);
}
