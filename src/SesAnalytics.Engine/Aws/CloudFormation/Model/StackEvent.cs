namespace SesAnalytics.Engine.Aws.CloudFormation.Model;

public sealed record StackEvent(
    string EventId,
    string StackId,
    string StackName,
    DateTimeOffset Timestamp,
    string? LogicalResourceId,
    string? PhysicalResourceId,
    string? ResourceType,
    string? ResourceStatus,
    string? ResourceStatusReason,
    string? ClientRequestToken);
