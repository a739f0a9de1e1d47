namespace SesAnalytics.Engine.Deployment;

/// <summary>A deployed SesAnalytics stack: its state and the outputs the other commands read.</summary>
public sealed record SesAnalyticsStack(
    string StackName,
    string? StackId,
    string Status,
    string? StatusReason,
    string Region,
    DateTimeOffset CreationTime,
    DateTimeOffset? LastUpdatedTime,
    string? BucketName,
    string? DeliveryStreamName,
    string? DeliveryStreamArn,
    string? DeliveryRoleArn,
    string? SesRoleArn,
    string? GlueDatabase,
    string? GlueTable,
    string? WorkGroup,
    IReadOnlyDictionary<string, string> Tags);
