namespace SesAnalytics.Engine.Aws.CloudFormation.Model;

public sealed record ChangeSetCreated(string ChangeSetId, string? StackId);
