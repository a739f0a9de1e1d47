namespace SesAnalytics.Engine.Aws.Context;

/// <summary>
/// What the user asked for, parameter by parameter, plus the AWS.Tools session defaults the cmdlet found
/// (<c>$StoredAWSRegion</c>, <c>$StoredAWSCredentials</c>). Credentials objects are taken by shape, not type, so that an
/// AWS.Tools credentials object built on another AWSSDK.Core version works too.
/// </summary>
public sealed record AwsContextRequest
{
    public string? Region { get; init; }

    public string? ProfileName { get; init; }

    public string? ProfileLocation { get; init; }

    public string? AccessKey { get; init; }

    public string? SecretKey { get; init; }

    public string? SessionToken { get; init; }

    public object? Credential { get; init; }

    public string? EndpointUrl { get; init; }

    public string? StoredRegion { get; init; }

    public object? StoredCredentials { get; init; }
}
