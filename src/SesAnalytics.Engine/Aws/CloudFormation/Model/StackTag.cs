namespace SesAnalytics.Engine.Aws.CloudFormation.Model;

public sealed record StackTag(string Key, string Value);
