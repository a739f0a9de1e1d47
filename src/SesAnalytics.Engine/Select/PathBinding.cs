using SesAnalytics.Engine.Select.Ast;

namespace SesAnalytics.Engine.Select;

/// <summary>
/// How a path relates to the record: a leading step that names the FROM alias (<c>s.mail</c>) stands for the record
/// itself; any other leading step names one of the record's attributes (<c>mail</c>).
/// </summary>
internal static class PathBinding
{
    /// <summary>The index of the first step that names something inside the record (0 or 1).</summary>
    public static int FirstAttributeStep(PathExpression path, string? sourceAlias) =>
        sourceAlias is not null && path.Steps[0] is { Name: { } first, Index: null } step
            && (step.CaseSensitive ? first == sourceAlias : string.Equals(first, sourceAlias, StringComparison.OrdinalIgnoreCase))
            ? 1
            : 0;

    public static IReadOnlyList<PathStep> AttributeSteps(PathExpression path, string? sourceAlias) =>
        path.Steps.Skip(FirstAttributeStep(path, sourceAlias)).ToList();
}
