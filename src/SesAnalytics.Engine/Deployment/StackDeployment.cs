using SesAnalytics.Engine.Stack;

namespace SesAnalytics.Engine.Deployment;

/// <summary>What to deploy: the stack's name and the template options (the user's own tags among them).</summary>
public sealed record StackDeployment(string StackName, TemplateOptions Options)
{
    /// <summary>Return once CloudFormation has accepted the call instead of waiting for the stack to settle.</summary>
    public bool NoWait { get; init; }
}
