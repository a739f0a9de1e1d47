using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Aws.Context;

/// <summary>
/// Chooses region and credentials the way AWS.Tools users expect: explicit parameters first, then the AWS.Tools session
/// defaults (<c>$StoredAWSRegion</c>, <c>$StoredAWSCredentials</c>), then the AWS SDK's default chain (environment,
/// shared config and credentials files with SSO and credential_process, web identity, container and instance metadata).
/// </summary>
public sealed class AwsContextResolver(Func<string, string?>? environment = null)
{
    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    public AwsContext Resolve(AwsContextRequest request)
    {
        CredentialProfileStoreChain profiles = new(request.ProfileLocation);
        CredentialProfile? profile = FindProfile(request, profiles);
        (AWSCredentials credentials, string credentialSource, string? profileName) = ResolveCredentials(request, profiles, profile);
        (string region, string regionSource) = ResolveRegion(request, profile);

        (string partition, string dnsSuffix) = PartitionOf(region);
        return new AwsContext(region, regionSource, partition, dnsSuffix, credentials, credentialSource, profileName, request.EndpointUrl, _environment);
    }

    /// <summary>
    /// What <see cref="Resolve"/> would find, for a diagnosis: a region or credentials that cannot be found are left out
    /// and named in <see cref="AwsContextInspection.Missing"/> instead of failing. Anything given that is wrong (a
    /// profile that does not exist, half a key pair, a malformed region or endpoint) still fails.
    /// </summary>
    public AwsContextInspection Inspect(AwsContextRequest request)
    {
        CredentialProfileStoreChain profiles = new(request.ProfileLocation);
        CredentialProfile? profile = FindProfile(request, profiles);
        var missing = new List<string>();
        (AWSCredentials Credentials, string Source, string? ProfileName)? credentials =
            IfFound(() => ResolveCredentials(request, profiles, profile), CredentialsNotFound, missing);
        (string Name, string Source)? region = IfFound(() => ResolveRegion(request, profile), RegionNotFound, missing);

        if (credentials is { } c && region is { } r)
        {
            (string partition, string dnsSuffix) = PartitionOf(r.Name);
            var context = new AwsContext(r.Name, r.Source, partition, dnsSuffix, c.Credentials, c.Source, c.ProfileName, request.EndpointUrl, _environment);
            return new AwsContextInspection(context.Describe(), context.DescribeSources(), missing);
        }

        (string Partition, string DnsSuffix)? where = region is { } known ? PartitionOf(known.Name) : null;
        var endpoints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (AwsService service in AwsService.All)
        {
            Uri? endpoint = AwsContext.ConfiguredEndpoint(service, request.EndpointUrl, _environment)
                ?? (region is { } found && where is { } partitioned ? AwsContext.RegionalEndpoint(service, found.Name, partitioned.DnsSuffix) : null);
            if (endpoint is not null)
            {
                endpoints[service.ServiceId] = endpoint.ToString();
            }
        }

        string? maskedKeyId = credentials is { } given ? AwsContext.MaskedAccessKeyId(given.Credentials) : null;
        var summary = new AwsContextSummary(region?.Name, region?.Source, where?.Partition, credentials?.Source, credentials?.ProfileName, maskedKeyId, endpoints);
        return new AwsContextInspection(
            summary,
            AwsContext.DescribeSources(region?.Name, region?.Source, where?.Partition, credentials?.Source, maskedKeyId),
            missing);
    }

    private const string CredentialsNotFound = "AwsCredentialsNotFound";
    private const string RegionNotFound = "AwsRegionNotFound";

    private static T? IfFound<T>(Func<T> resolve, string notFoundId, List<string> missing)
        where T : struct
    {
        try
        {
            return resolve();
        }
        catch (SesAnalyticsException error) when (error.ErrorId == notFoundId)
        {
            missing.Add(error.Message);
            return null;
        }
    }

    private static (string Partition, string DnsSuffix) PartitionOf(string region)
    {
        RegionEndpoint endpoint = RegionEndpoint.GetBySystemName(region);
        return (endpoint.PartitionName ?? "aws", endpoint.PartitionDnsSuffix ?? "amazonaws.com");
    }

    private CredentialProfile? FindProfile(AwsContextRequest request, CredentialProfileStoreChain profiles)
    {
        if (string.IsNullOrEmpty(request.ProfileName))
        {
            return null;
        }

        if (profiles.TryGetProfile(request.ProfileName, out CredentialProfile found))
        {
            return found;
        }

        string where = request.ProfileLocation
            ?? $"the shared AWS config and credentials files ({SharedFile("AWS_CONFIG_FILE", "~/.aws/config")}, {SharedFile("AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials")})";
        throw new SesAnalyticsException(
            "AwsProfileNotFound",
            ErrorKind.ObjectNotFound,
            $"The AWS profile '{request.ProfileName}' was not found in {where}. Check the name with 'aws configure list-profiles', or pass -ProfileLocation.",
            request.ProfileName);
    }

    private string SharedFile(string variable, string fallback) => _environment(variable) is { Length: > 0 } path ? path : fallback;

    private (AWSCredentials, string, string?) ResolveCredentials(AwsContextRequest request, CredentialProfileStoreChain profiles, CredentialProfile? profile)
    {
        if (!string.IsNullOrEmpty(request.AccessKey) || !string.IsNullOrEmpty(request.SecretKey))
        {
            if (string.IsNullOrEmpty(request.AccessKey) || string.IsNullOrEmpty(request.SecretKey))
            {
                throw new InvalidInputException(
                    "IncompleteAwsKeys",
                    "-AccessKey and -SecretKey go together: give both (and -SessionToken for temporary credentials), or neither.");
            }

            AWSCredentials keys = string.IsNullOrEmpty(request.SessionToken)
                ? new BasicAWSCredentials(request.AccessKey, request.SecretKey)
                : new SessionAWSCredentials(request.AccessKey, request.SecretKey, request.SessionToken);
            return (keys, "the -AccessKey/-SecretKey parameters", null);
        }

        if (request.Credential is not null)
        {
            AWSCredentials given = ForeignCredentials.From(request.Credential)
                ?? throw new InvalidInputException(
                    "UnusableAwsCredential",
                    $"The -Credential value (a {request.Credential.GetType().Name}) is not an AWS credentials object. Pass the result of Get-AWSCredential, or use -ProfileName.");
            return (given, "the -Credential parameter", null);
        }

        if (profile is not null)
        {
            return (FromProfile(profiles, profile.Name), $"profile '{profile.Name}'", profile.Name);
        }

        if (request.StoredCredentials is not null)
        {
            string? storedProfile = ForeignCredentials.ProfileName(request.StoredCredentials);
            if (storedProfile is not null)
            {
                return (FromProfile(profiles, storedProfile), $"profile '{storedProfile}' ($StoredAWSCredentials)", storedProfile);
            }

            AWSCredentials? stored = ForeignCredentials.From(request.StoredCredentials);
            if (stored is not null)
            {
                return (stored, "the AWS.Tools session ($StoredAWSCredentials)", null);
            }
        }

        return FromDefaultChain();
    }

    private static AWSCredentials FromProfile(CredentialProfileStoreChain profiles, string name)
    {
        if (profiles.TryGetAWSCredentials(name, out AWSCredentials credentials))
        {
            return credentials;
        }

        throw new SesAnalyticsException(
            "AwsProfileUnusable",
            ErrorKind.AuthenticationError,
            $"The AWS profile '{name}' has no usable credentials (keys, role, SSO or credential_process). Run 'aws configure --profile {name}' or 'aws sso login --profile {name}'.",
            name);
    }

    private (AWSCredentials, string, string?) FromDefaultChain()
    {
        try
        {
            // The SDK's shared resolver: it watches the shared files and the environment and re-resolves when they
            // change. A new resolver per command would leave two file watchers (inotify instances on Linux) behind each time.
            AWSCredentials credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
            string? profileName = _environment("AWS_PROFILE");
            return (credentials, DescribeChainSource(credentials, profileName), credentials is EnvironmentVariablesAWSCredentials ? null : profileName);
        }
        catch (AmazonClientException error)
        {
            throw new SesAnalyticsException(
                CredentialsNotFound,
                ErrorKind.AuthenticationError,
                "No AWS credentials were found: pass -ProfileName or -AccessKey/-SecretKey, set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run Set-AWSCredential (AWS.Tools).",
                innerException: error);
        }
    }

    private static string DescribeChainSource(AWSCredentials credentials, string? profileName) => credentials switch
    {
        EnvironmentVariablesAWSCredentials => "environment variables (AWS_ACCESS_KEY_ID)",
        AssumeRoleWithWebIdentityCredentials => "a web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)",
        SSOAWSCredentials => $"SSO (profile '{profileName ?? "default"}')",
        ProcessAWSCredentials => $"credential_process (profile '{profileName ?? "default"}')",
        GenericContainerCredentials => "container credentials",
        InstanceProfileAWSCredentials => "instance metadata (instance profile)",
        _ => $"the SDK default chain (profile '{profileName ?? "default"}')",
    };

    private (string, string) ResolveRegion(AwsContextRequest request, CredentialProfile? profile)
    {
        if (!string.IsNullOrWhiteSpace(request.Region))
        {
            return (Checked(request.Region, "-Region"), "the -Region parameter");
        }

        if (!string.IsNullOrWhiteSpace(request.StoredRegion))
        {
            return (Checked(request.StoredRegion, "$StoredAWSRegion"), "the AWS.Tools session ($StoredAWSRegion)");
        }

        if (profile?.Region is not null)
        {
            return (profile.Region.SystemName, $"profile '{profile.Name}'");
        }

        foreach (string variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            string? value = _environment(variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return (Checked(value, variable), $"environment variable {variable}");
            }
        }

        // The factory keeps the first region it found for the life of the process; forget it, so that a session that
        // switches AWS_PROFILE gets that profile's region, as the AWS CLI would.
        FallbackRegionFactory.Reset();
        RegionEndpoint? fallback = FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: true);
        if (fallback is not null)
        {
            return (fallback.SystemName, "the SDK default chain (shared config or instance metadata)");
        }

        throw new SesAnalyticsException(
            RegionNotFound,
            ErrorKind.InvalidArgument,
            "No AWS region was given or found: pass -Region, set AWS_REGION, add 'region' to your profile, or run Set-DefaultAWSRegion (AWS.Tools).");
    }

    private static string Checked(string region, string origin)
    {
        string trimmed = region.Trim();
        if (trimmed.Length == 0 || trimmed.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            throw new InvalidInputException("InvalidAwsRegion", $"'{region}' from {origin} is not an AWS region name (such as us-east-1).", region);
        }

        return trimmed;
    }
}
