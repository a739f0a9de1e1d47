namespace SesAnalytics.Engine.Aws.CloudFormation.Model;

public sealed record CreateChangeSetRequest(string StackName, string ChangeSetName, ChangeSetType ChangeSetType, string TemplateBody)
{
    public IReadOnlyList<StackParameter>? Parameters { get; init; }

    public IReadOnlyList<string>? Capabilities { get; init; }

    public IReadOnlyList<StackTag>? Tags { get; init; }

    public string? Description { get; init; }

    /// <summary>The client fills a new one when absent, which makes the call safe to retry.</summary>
    public string? ClientToken { get; init; }
}
