using SesAnalytics.Engine.Aws.CloudFormation;
using SesAnalytics.Engine.Aws.CloudFormation.Model;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Deployment;

/// <summary>
/// Waits for one stack operation to settle: polls the stack and its events with a growing delay, reports each new
/// resource event as progress, and on failure names the resources that failed in this operation and why.
/// </summary>
public sealed class StackWatcher
{
    private const int ActivityId = 1;

    private readonly ICloudFormationClient _cloudFormation;
    private readonly IOutputSink _sink;
    private readonly PollingOptions _polling;

    public StackWatcher(ICloudFormationClient cloudFormation, IOutputSink sink, PollingOptions? polling = null)
    {
        _cloudFormation = cloudFormation;
        _sink = sink;
        _polling = polling ?? PollingOptions.Default;
    }

    /// <summary>The newest event of the stack now: events after it belong to the operation about to start.</summary>
    public async Task<string?> NewestEventIdAsync(string stackName, CancellationToken cancellationToken)
    {
        await foreach (StackEvent stackEvent in _cloudFormation.DescribeStackEventsAsync(stackName, cancellationToken).ConfigureAwait(false))
        {
            return stackEvent.EventId;
        }

        return null;
    }

    /// <summary>
    /// Waits until the stack reaches a terminal status; returns it, or null once a deleted stack is gone. Cancelling
    /// stops the waiting only: what happens to the operation is the caller's decision.
    /// </summary>
    public async Task<StackDescription?> WaitAsync(string stackId, string stackName, string? baselineEventId, int resourceCount, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var operationEvents = new List<StackEvent>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        TimeSpan delay = _polling.FirstDelay;
        while (true)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = _polling.Next(delay);
            await ReadNewEventsAsync(stackId, stackName, baselineEventId, seen, operationEvents, done, resourceCount, cancellationToken).ConfigureAwait(false);
            StackDescription? stack = await DescribeAsync(stackId, cancellationToken).ConfigureAwait(false);
            if (stack is null || StackStatuses.IsTerminal(stack.StackStatus))
            {
                if (stack is not null)
                {
                    await ReadNewEventsAsync(stackId, stackName, baselineEventId, seen, operationEvents, done, resourceCount, cancellationToken).ConfigureAwait(false);
                }

                _sink.Progress(new ProgressReport(ActivityId, stackName, stack?.StackStatus ?? StackStatuses.DeleteComplete, 100, Completed: true));
                if (stack is not null && !StackStatuses.IsSuccess(stack.StackStatus))
                {
                    throw Failed(stack, operationEvents);
                }

                return stack;
            }
        }
    }

    private async Task ReadNewEventsAsync(
        string stackId,
        string stackName,
        string? baselineEventId,
        HashSet<string> seen,
        List<StackEvent> operationEvents,
        HashSet<string> done,
        int resourceCount,
        CancellationToken cancellationToken)
    {
        var fresh = new List<StackEvent>();
        await foreach (StackEvent stackEvent in _cloudFormation.DescribeStackEventsAsync(stackId, cancellationToken).ConfigureAwait(false))
        {
            if (stackEvent.EventId == baselineEventId || seen.Contains(stackEvent.EventId))
            {
                break;
            }

            fresh.Add(stackEvent);
        }

        fresh.Reverse();
        foreach (StackEvent stackEvent in fresh)
        {
            seen.Add(stackEvent.EventId);
            operationEvents.Add(stackEvent);
            bool isResource = stackEvent.LogicalResourceId is { } id && id != stackName;
            if (isResource && StackStatuses.IsResourceDone(stackEvent.ResourceStatus))
            {
                done.Add(stackEvent.LogicalResourceId!);
            }

            int percent = resourceCount > 0 ? Math.Min(99, done.Count * 100 / resourceCount) : -1;
            _sink.Progress(new ProgressReport(ActivityId, stackName, $"{stackEvent.LogicalResourceId} {stackEvent.ResourceStatus}", percent));
            _sink.Verbose($"{stackEvent.Timestamp:u} {stackEvent.LogicalResourceId} ({stackEvent.ResourceType}) {stackEvent.ResourceStatus} {stackEvent.ResourceStatusReason}".TrimEnd());
        }
    }

    private async Task<StackDescription?> DescribeAsync(string stackId, CancellationToken cancellationToken)
    {
        try
        {
            IReadOnlyList<StackDescription> stacks = await _cloudFormation.DescribeStacksAsync(stackId, cancellationToken).ConfigureAwait(false);
            return stacks.Count == 0 ? null : stacks[0];
        }
        catch (SesAnalyticsException error) when (error.ErrorId == "StackNotFound")
        {
            return null;
        }
    }

    private static SesAnalyticsException Failed(StackDescription stack, List<StackEvent> operationEvents)
    {
        List<string> failures = operationEvents
            .Where(e => e.ResourceStatus?.EndsWith("_FAILED", StringComparison.Ordinal) == true && e.LogicalResourceId != stack.StackName)
            .Select(e => $"{e.LogicalResourceId} ({e.ResourceType}) {e.ResourceStatus}: {e.ResourceStatusReason}")
            .Distinct()
            .ToList();
        string detail = failures.Count == 0
            ? stack.StackStatusReason ?? "CloudFormation gave no reason."
            : string.Join("; ", failures);
        return new SesAnalyticsException(
            "StackDeploymentFailed",
            ErrorKind.InvalidOperation,
            $"The stack '{stack.StackName}' ended in {stack.StackStatus}. Failed: {detail}. " +
            "Fix the cause and run the command again; see the stack's events in the CloudFormation console for the full history.",
            stack.StackName);
    }
}
