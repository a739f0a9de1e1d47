namespace SesAnalytics.Engine.Deployment;

/// <summary>One resource a deployment would touch, as the change set describes it; Replacement is True, False or Conditional.</summary>
public sealed record PlannedChange(string Action, string LogicalResourceId, string ResourceType, string? Replacement)
{
    public override string ToString() =>
        $"{Action} {LogicalResourceId} ({ResourceType}){(string.IsNullOrEmpty(Replacement) ? string.Empty : ", replacement: " + Replacement)}";
}
