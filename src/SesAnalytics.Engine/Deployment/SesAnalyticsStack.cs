using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Stack;

namespace SesAnalytics;

/// <summary>A deployed SesAnalytics stack: its state and the outputs the other commands read.</summary>
public sealed record SesAnalyticsStack(
    string StackName,
    string? StackId,
    string Status,
    string? StatusReason,
    string Region,
    DateTime CreationTime,
    DateTime? LastUpdatedTime,
    string? BucketName,
    string? DeliveryStreamName,
    string? DeliveryStreamArn,
    string? DeliveryRoleArn,
    string? SesRoleArn,
    string? GlueDatabase,
    string? GlueTable,
    string? GlueLinesTable,
    string? WorkGroup,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The bucket the delivery stream writes the events to; a stack without that output is <see cref="MissingOutputs"/>.</summary>
    public string RequireBucketName() => BucketName ?? throw MissingOutputs("BucketName", "-BucketName");

    /// <summary>The error for a stack that lacks outputs a command needs: not deployed yet, or not deployed by us.</summary>
    public SesAnalyticsException MissingOutputs(string outputs, string alternative) => new(
        "StackOutputsMissing",
        ErrorKind.InvalidData,
        $"The stack '{StackName}' has no {outputs} output (status {Status}). " +
        $"Wait for New-SesAnalyticsStack to complete, or give {alternative}.",
        StackName);

    /// <summary>The error for a stack deployed before it had the lines table that typed events are read from.</summary>
    public SesAnalyticsException LacksLinesTable() => new(
        "StackOutdated",
        ErrorKind.InvalidData,
        $"The stack '{StackName}' has no {StackOutputs.GlueLinesTable} output: an earlier SesAnalytics version deployed it, " +
        $"before the table of event lines that Get-SesEvent reads. Update it with New-SesAnalyticsStack -StackName {StackName} " +
        "and the options it was deployed with (the bucket and its events are kept), or query a local copy with -Path.",
        StackName);

    public override string ToString() => $"{StackName} ({Status})";
}
