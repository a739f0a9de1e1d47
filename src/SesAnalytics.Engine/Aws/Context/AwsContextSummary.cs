namespace SesAnalytics;

/// <summary>
/// What Get-SesAwsContext shows: where region and credentials came from and which endpoints will be called. A piece
/// that was not found is null (Region and RegionSource, or CredentialSource and AccessKeyId), and Endpoints then holds
/// only the endpoints that do not depend on it.
/// </summary>
public sealed record AwsContextSummary(
    string? Region,
    string? RegionSource,
    string? Partition,
    string? CredentialSource,
    string? ProfileName,
    string? AccessKeyId,
    IReadOnlyDictionary<string, string> Endpoints)
{
    public override string ToString() => $"{Region ?? "no region"} ({CredentialSource ?? "no credentials"})";
}
