namespace SesAnalytics.Engine.Aws.CloudFormation.Model;

/// <summary>A change set with every page of its changes.</summary>
public sealed record ChangeSet(
    string? ChangeSetName,
    string? ChangeSetId,
    string? StackId,
    string? StackName,
    string? Status,
    string? StatusReason,
    string? ExecutionStatus,
    IReadOnlyList<ResourceChange> Changes)
{
    /// <summary>
    /// CloudFormation fails a change set that would change nothing ("The submitted information didn't contain changes.
    /// Submit different information to create a change set."); for us that means the stack is up to date.
    /// </summary>
    public bool HasNoChanges =>
        Status == "FAILED"
        && StatusReason is { } reason
        && (reason.Contains("didn't contain changes", StringComparison.OrdinalIgnoreCase)
            || reason.Contains("No updates are to be performed", StringComparison.OrdinalIgnoreCase));
}
