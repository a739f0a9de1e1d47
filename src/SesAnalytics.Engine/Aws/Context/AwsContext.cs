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
    public Uri EndpointFor(AwsService service) => ConfiguredEndpoint(service, EndpointUrl, _environment) ?? RegionalEndpoint(service);

    /// <summary>
    /// The endpoint that overrides AWS's own for <paramref name="service"/>: <c>-EndpointUrl</c>, else
    /// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, else <c>AWS_ENDPOINT_URL</c> (both ignored when
    /// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> is true); null when nothing overrides it.
    /// </summary>
    internal static Uri? ConfiguredEndpoint(AwsService service, string? endpointUrl, Func<string, string?> environment)
    {
        if (endpointUrl is not null)
        {
            return ParseEndpoint(endpointUrl, "-EndpointUrl");
        }

        bool ignoreConfigured = string.Equals(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase);
        if (!ignoreConfigured)
        {
            foreach (string variable in new[] { service.EndpointVariable, "AWS_ENDPOINT_URL" })
            {
                string? value = environment(variable);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return ParseEndpoint(value, variable);
                }
            }
        }

        return null;
    }

    /// <summary>AWS's own endpoint of <paramref name="service"/> in this region, as used when nothing overrides it.</summary>
    public Uri RegionalEndpoint(AwsService service) => RegionalEndpoint(service, Region, DnsSuffix);

    internal static Uri RegionalEndpoint(AwsService service, string region, string dnsSuffix) => new($"https://{service.EndpointPrefix}.{region}.{dnsSuffix}/");

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
    public string DescribeSources() => DescribeSources(Region, RegionSource, Partition, CredentialSource, MaskedAccessKeyId());

    internal static string DescribeSources(string? region, string? regionSource, string? partition, string? credentialSource, string? maskedKeyId) =>
        (region is null ? "No AWS region" : $"AWS region {region} (from {regionSource}), partition {partition}")
        + (credentialSource is null ? "; no AWS credentials." : $"; credentials from {credentialSource} (access key {maskedKeyId}).");

    public string DescribeEndpoint(AwsService service) => $"{service.ServiceId} endpoint: {EndpointFor(service)}";

    private string MaskedAccessKeyId() => MaskedAccessKeyId(Credentials);

    internal static string MaskedAccessKeyId(AWSCredentials credentials)
    {
        try
        {
            string id = credentials.GetCredentials().AccessKey ?? string.Empty;
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
