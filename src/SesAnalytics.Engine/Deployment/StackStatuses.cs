namespace SesAnalytics.Engine.Deployment;

/// <summary>CloudFormation's stack status names: which end an operation, and which of those mean it worked.</summary>
public static class StackStatuses
{
    public const string DeleteComplete = "DELETE_COMPLETE";

    public static bool IsTerminal(string status) =>
        !status.EndsWith("_IN_PROGRESS", StringComparison.Ordinal)
        && (status.EndsWith("_COMPLETE", StringComparison.Ordinal) || status.EndsWith("_FAILED", StringComparison.Ordinal));

    public static bool IsSuccess(string status) =>
        status is "CREATE_COMPLETE" or "UPDATE_COMPLETE" or DeleteComplete or "IMPORT_COMPLETE";

    public static bool IsResourceDone(string? resourceStatus) =>
        resourceStatus is "CREATE_COMPLETE" or "UPDATE_COMPLETE" or "DELETE_COMPLETE" or "DELETE_SKIPPED" or "IMPORT_COMPLETE";
}
