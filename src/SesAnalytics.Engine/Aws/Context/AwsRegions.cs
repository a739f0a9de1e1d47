using System.Text.RegularExpressions;
using Amazon;

namespace SesAnalytics.Engine.Aws.Context;

/// <summary>The regions of every AWS partition the SDK knows (aws, aws-cn, aws-us-gov, ...), for completion.</summary>
public static partial class AwsRegions
{
    /// <summary>System names (us-east-1) with their display names (US East (N. Virginia)), ordered by name.</summary>
    public static IReadOnlyList<(string Name, string DisplayName)> All { get; } =
        RegionEndpoint.EnumerableAllRegions
            .Where(region => RegionName().IsMatch(region.SystemName))
            .Select(region => (region.SystemName, string.IsNullOrEmpty(region.DisplayName) ? region.SystemName : region.DisplayName))
            .DistinctBy(region => region.SystemName)
            .OrderBy(region => region.SystemName, StringComparer.Ordinal)
            .ToList();

    // The SDK's list also holds endpoint variants that are no region (aws-global, us-east-1-regional).
    [GeneratedRegex("^[a-z]{2,}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionName();
}
