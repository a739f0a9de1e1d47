namespace SesAnalytics.Engine.Aws.CloudFormation.Model;

public sealed record StackOutput(string OutputKey, string? OutputValue, string? Description, string? ExportName);
