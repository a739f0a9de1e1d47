namespace SesAnalytics.Engine.Aws.CloudFormation.Model;

/// <summary>What a change set does to one resource: Add, Modify, Remove, Import, Dynamic; Replacement True/False/Conditional.</summary>
public sealed record ResourceChange(
    string? Action,
    string? LogicalResourceId,
    string? PhysicalResourceId,
    string? ResourceType,
    string? Replacement,
    IReadOnlyList<string> Scope,
    IReadOnlyList<ResourceChangeDetail> Details);
