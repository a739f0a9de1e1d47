namespace SesAnalytics.Engine.Aws.CloudFormation.Model;

public sealed record CreateStackRequest(string StackName, string TemplateBody)
{
    public IReadOnlyList<StackParameter>? Parameters { get; init; }

    /// <summary>CAPABILITY_IAM, CAPABILITY_NAMED_IAM, CAPABILITY_AUTO_EXPAND.</summary>
    public IReadOnlyList<string>? Capabilities { get; init; }

    public IReadOnlyList<StackTag>? Tags { get; init; }

    /// <summary>Mutually exclusive with <see cref="DisableRollback"/>, as CloudFormation says.</summary>
    public OnFailure? OnFailure { get; init; }

    public bool? DisableRollback { get; init; }

    /// <summary>The client fills a new one when absent, which makes the call safe to retry.</summary>
    public string? ClientRequestToken { get; init; }

    public int? TimeoutInMinutes { get; init; }
}
