namespace SesAnalytics.Engine.Aws.CloudFormation.Model;

/// <summary>A template parameter's value; <see cref="UsePreviousValue"/> keeps the stack's current one on update.</summary>
public sealed record StackParameter(string ParameterKey, string? ParameterValue)
{
    public bool? UsePreviousValue { get; init; }

    /// <summary>What CloudFormation resolved an SSM parameter type to (answers only).</summary>
    public string? ResolvedValue { get; init; }
}
