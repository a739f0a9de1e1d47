namespace SesAnalytics.Engine.Aws.CloudFormation.Model;

public sealed record TemplateParameter(string ParameterKey, string? DefaultValue, bool NoEcho, string? Description);
