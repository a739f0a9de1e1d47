using SesAnalytics.Engine.Stack;

namespace SesAnalytics.Engine.Deployment;

/// <summary>What to deploy: the stack's name, the template options and the user's own stack tags.</summary>
public sealed record StackDeployment(string StackName, TemplateOptions Options)
{
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Return once CloudFormation has accepted the call instead of waiting for the stack to settle.</summary>
    public bool NoWait { get; init; }
}
