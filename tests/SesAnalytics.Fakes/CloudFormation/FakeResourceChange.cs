namespace SesAnalytics.Fakes.CloudFormation;

/// <summary>One change of a change set, as DescribeChangeSet lists it; Replacement is "True", "False", "Conditional" or null for an Add.</summary>
public sealed record FakeResourceChange(string Action, string LogicalResourceId, string ResourceType, string? Replacement);
