namespace SesAnalytics.Engine.Aws.CloudFormation.Model;

public sealed record StackDescription(
    string? StackId,
    string StackName,
    string StackStatus,
    string? StackStatusReason,
    DateTimeOffset CreationTime,
    DateTimeOffset? LastUpdatedTime,
    IReadOnlyList<StackParameter> Parameters,
    IReadOnlyList<StackOutput> Outputs,
    IReadOnlyList<StackTag> Tags);
