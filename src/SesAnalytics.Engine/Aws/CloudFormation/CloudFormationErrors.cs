using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Aws.CloudFormation;

/// <summary>
/// CloudFormation's well-known failures as errors a user can act on. Most arrive as a plain <c>ValidationError</c>, so
/// the message tells them apart.
/// </summary>
internal static class CloudFormationErrors
{
    /// <summary>"Stack with id X does not exist" (DescribeStacks) and "Stack [X] does not exist" (most others) are both StackNotFound.</summary>
    public static SesAnalyticsException? Translate(AwsServiceException error, string operation, string? target)
    {
        if (error.ErrorCode == "ValidationError"
            && error.AwsMessage.StartsWith("Stack ", StringComparison.Ordinal)
            && error.AwsMessage.Contains("does not exist", StringComparison.Ordinal))
        {
            return new SesAnalyticsException(
                "StackNotFound",
                ErrorKind.ObjectNotFound,
                $"CloudFormation {operation}: the stack '{target}' does not exist in this account and region. " +
                $"Check the stack name and the region. ({error.Message})",
                target,
                error);
        }

        return error.ErrorCode switch
        {
            "ChangeSetNotFound" or "ChangeSetNotFoundException" => new SesAnalyticsException(
                "ChangeSetNotFound",
                ErrorKind.ObjectNotFound,
                $"CloudFormation {operation}: the change set '{target}' does not exist. Check its name and the stack it belongs to. ({error.Message})",
                target,
                error),
            "AlreadyExistsException" => new SesAnalyticsException(
                "StackAlreadyExists",
                ErrorKind.ResourceExists,
                $"CloudFormation {operation}: '{target}' already exists. Update it instead, or choose another name. ({error.Message})",
                target,
                error),
            "InsufficientCapabilitiesException" or "InsufficientCapabilities" => new SesAnalyticsException(
                "StackInsufficientCapabilities",
                ErrorKind.InvalidArgument,
                $"CloudFormation {operation}: the template creates IAM resources or macros, so the call must acknowledge the capabilities " +
                $"CloudFormation names (CAPABILITY_IAM, CAPABILITY_NAMED_IAM or CAPABILITY_AUTO_EXPAND). ({error.Message})",
                target,
                error),
            _ => null,
        };
    }
}
