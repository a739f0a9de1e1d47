namespace SesAnalytics.Engine.Stack;

/// <summary>A built template: the model (for deployment and inspection) and the options it came from.</summary>
public sealed record CloudFormationTemplate(CfnMap Body, TemplateOptions Options)
{
    public string ToJson() => TemplateJsonWriter.Write(Body);

    public string ToYaml() => TemplateYamlWriter.Write(Body);

    public string ToText(TemplateFormat format) => format == TemplateFormat.Json ? ToJson() : ToYaml();
}
