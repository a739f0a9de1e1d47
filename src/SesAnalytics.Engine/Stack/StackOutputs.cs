namespace SesAnalytics.Engine.Stack;

/// <summary>The output names of the stack; the commands that use a deployed stack read them by these names.</summary>
public static class StackOutputs
{
    public const string BucketName = "BucketName";
    public const string DeliveryStreamName = "DeliveryStreamName";
    public const string DeliveryStreamArn = "DeliveryStreamArn";
    public const string DeliveryRoleArn = "DeliveryRoleArn";
    public const string SesRoleArn = "SesRoleArn";
    public const string GlueDatabase = "GlueDatabase";
    public const string GlueTable = "GlueTable";
    public const string GlueLinesTable = "GlueLinesTable";
    public const string WorkGroup = "WorkGroup";
    public const string LayoutVersion = "LayoutVersion";

    public static IReadOnlyList<string> All { get; } =
        [BucketName, DeliveryStreamName, DeliveryStreamArn, DeliveryRoleArn, SesRoleArn, GlueDatabase, GlueTable, GlueLinesTable, WorkGroup, LayoutVersion];
}
