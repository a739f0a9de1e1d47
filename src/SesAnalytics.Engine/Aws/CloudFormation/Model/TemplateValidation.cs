namespace SesAnalytics.Engine.Aws.CloudFormation.Model;

/// <summary>What ValidateTemplate learned: the parameters, and the capabilities a stack of this template needs.</summary>
public sealed record TemplateValidation(
    string? Description,
    IReadOnlyList<TemplateParameter> Parameters,
    IReadOnlyList<string> Capabilities,
    string? CapabilitiesReason);
