namespace SesAnalytics.Engine.Aws.CloudFormation.Model;

/// <summary>One reason a resource changes: which attribute or property, whether it forces recreation, and why.</summary>
public sealed record ResourceChangeDetail(
    string? TargetAttribute,
    string? TargetName,
    string? RequiresRecreation,
    string? Evaluation,
    string? ChangeSource,
    string? CausingEntity);
