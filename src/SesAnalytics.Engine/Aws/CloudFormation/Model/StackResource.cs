namespace SesAnalytics.Engine.Aws.CloudFormation.Model;

public sealed record StackResource(
    string LogicalResourceId,
    string? PhysicalResourceId,
    string ResourceType,
    DateTimeOffset Timestamp,
    string ResourceStatus,
    string? ResourceStatusReason);
