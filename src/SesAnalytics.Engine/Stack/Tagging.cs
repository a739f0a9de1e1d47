namespace SesAnalytics.Engine.Stack;

internal static class Tagging
{
    /// <summary>CloudFormation's Key/Value list, ordered by key so the template text is the same on every run.</summary>
    public static List<object>? TagList(TemplateOptions options) => options.Tags.Count == 0
        ? null
        : options.Tags.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => (object)new CfnMap { { "Key", t.Key }, { "Value", t.Value } })
            .ToList();
}
