namespace SesAnalytics.Engine.Stack;

/// <summary>
/// A built template: the model (for deployment and inspection), the options it came from, and what the user should
/// know about them before deploying.
/// </summary>
public sealed record CloudFormationTemplate(CfnMap Body, TemplateOptions Options, IReadOnlyList<string> Warnings)
{
    /// <summary>The stack creates unnamed IAM roles: CloudFormation must be told so, and needs nothing more.</summary>
    public static IReadOnlyList<string> Capabilities { get; } = ["CAPABILITY_IAM"];

    public string ToJson() => TemplateJsonWriter.Write(Body);

    public string ToYaml() => TemplateYamlWriter.Write(Body);

    public string ToText(TemplateFormat format) => format == TemplateFormat.Json ? ToJson() : ToYaml();
}
