namespace SesAnalytics.Engine.Stack;

/// <summary>What the template adds to <see cref="Partitioning.FirehoseLayout"/>: the rest of the bucket and the stack's naming.</summary>
public static class StackLayout
{
    /// <summary>Bumped whenever a deployed stack's bucket layout or table would read differently; a stack output.</summary>
    public const string Version = "1";

    public const string AthenaResultsRoot = "athena-results";

    public const string LogGroupPrefix = "/aws/kinesisfirehose/";

    /// <summary>The delivery stream is named after the stack (in Fn::Sub syntax), so its log group's name is known before it exists.</summary>
    public const string DeliveryStreamNameSub = "${" + Fn.StackName + "}";

    public const string LogStreamName = "DestinationDelivery";

    /// <summary>The days CloudWatch Logs accepts as a retention; the delivery log keeps the first one that covers the data.</summary>
    public static IReadOnlyList<int> LogRetentionDays { get; } =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public static int LogRetentionFor(int retentionDays) =>
        LogRetentionDays.First(days => days >= Math.Min(retentionDays, LogRetentionDays[^1]));

    public static string Generator { get; } =
        "SesAnalytics " + Deployment.StackTags.ModuleVersion;
}
