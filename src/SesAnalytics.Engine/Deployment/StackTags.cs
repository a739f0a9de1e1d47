namespace SesAnalytics.Engine.Deployment;

/// <summary>The tags that mark a stack as ours: Get-SesAnalyticsStack lists the stacks that carry them.</summary>
public static class StackTags
{
    public const string ManagedBy = "sesanalytics:managed-by";
    public const string ManagedByValue = "SesAnalytics";
    public const string Version = "sesanalytics:version";

    public static string ModuleVersion { get; } = typeof(StackTags).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
