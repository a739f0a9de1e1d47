namespace SesAnalytics.Engine.Stack;

public enum TemplateFormat
{
    Yaml,
    Json,
}
