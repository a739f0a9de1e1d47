namespace SesAnalytics.Engine.Aws.Context;

/// <summary>What Get-SesAwsContext shows: where region and credentials came from and which endpoints will be called.</summary>
public sealed record AwsContextSummary(
    string Region,
    string RegionSource,
    string Partition,
    string CredentialSource,
    string? ProfileName,
    string AccessKeyId,
    IReadOnlyDictionary<string, string> Endpoints)
{
    public override string ToString() => $"{Region} ({CredentialSource})";
}
