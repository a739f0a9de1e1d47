namespace SesAnalytics.Engine.Stack;

/// <summary>The template's logical resource ids. They are stable: renaming one makes CloudFormation replace the resource.</summary>
public static class LogicalIds
{
    public const string Bucket = "EventBucket";
    public const string BucketPolicy = "EventBucketPolicy";
    public const string LogGroup = "DeliveryLogGroup";
    public const string LogStream = "DeliveryLogStream";
    public const string DeliveryRole = "DeliveryRole";
    public const string DeliveryStream = "DeliveryStream";
    public const string SesRole = "SesEventDestinationRole";
    public const string Database = "GlueDatabase";
    public const string Table = "EventTable";
    public const string LinesTable = "EventLinesTable";
    public const string WorkGroup = "AthenaWorkGroup";
}
