using System.Runtime.CompilerServices;
using SesAnalytics.Engine.Aws.CloudFormation;
using SesAnalytics.Engine.Aws.CloudFormation.Model;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Tests.Deployment;

/// <summary>
/// CloudFormation in memory: each DescribeStackEvents call after an operation starts reveals the next batch of events,
/// each DescribeStacks call the next status, so a test scripts a deployment poll by poll.
/// </summary>
internal sealed class FakeCloudFormation : ICloudFormationClient
{
    private const string StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/ses-analytics/1";

    private readonly List<StackEvent> _events = [];
    private int _eventSequence;

    public List<string> Calls { get; } = [];

    public bool Exists { get; set; }

    /// <summary>The statuses DescribeStacks reports once an operation started (before, CREATE_COMPLETE); the last one stays.</summary>
    public Queue<string> Statuses { get; } = new();

    public Queue<(string LogicalId, string Status, string? Reason)[]> EventBatches { get; } = new();

    public ChangeSet ChangeSet { get; set; } = new("cs", "cs-id", StackId, "ses-analytics", "CREATE_COMPLETE", null, "AVAILABLE",
        [new ResourceChange("Modify", "DeliveryStream", "ses-events", "AWS::KinesisFirehose::DeliveryStream", "False", [], [])]);

    public List<StackTag> Outputs { get; } = [new("BucketName", "ses-analytics-bucket"), new("DeliveryStreamName", "ses-events"), new("WorkGroup", "sesanalytics")];

    public IReadOnlyList<StackTag> TagsSent { get; private set; } = [];

    public TimeSpan DescribeDelay { get; set; }

    public string StatusBefore { get; set; } = "CREATE_COMPLETE";

    private bool Started => Calls.Any(c => c is "CreateStack" or "ExecuteChangeSet" or "DeleteStack");

    public Task<TemplateValidation> ValidateTemplateAsync(string templateBody, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    /// <summary>How long CreateStack's answer takes after the request is recorded (the stack then exists).</summary>
    public TimeSpan CreateDelay { get; set; }

    public async Task<string> CreateStackAsync(CreateStackRequest request, CancellationToken cancellationToken)
    {
        Calls.Add("CreateStack");
        TagsSent = request.Tags ?? [];
        Exists = true;
        await Task.Delay(CreateDelay, cancellationToken);
        return StackId;
    }

    public Task<StackUpdate> UpdateStackAsync(UpdateStackRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<ChangeSetCreated> CreateChangeSetAsync(CreateChangeSetRequest request, CancellationToken cancellationToken)
    {
        Calls.Add("CreateChangeSet:" + request.ChangeSetType);
        TagsSent = request.Tags ?? [];
        return Task.FromResult(new ChangeSetCreated("cs-id", StackId));
    }

    public Task<ChangeSet> DescribeChangeSetAsync(string changeSetName, string? stackName, CancellationToken cancellationToken)
    {
        Calls.Add("DescribeChangeSet");
        return Task.FromResult(ChangeSet);
    }

    /// <summary>How long ExecuteChangeSet takes to answer once CloudFormation received it.</summary>
    public TimeSpan ExecuteDelay { get; set; }

    public async Task ExecuteChangeSetAsync(string changeSetName, string? stackName, CancellationToken cancellationToken)
    {
        Calls.Add("ExecuteChangeSet");
        await Task.Delay(ExecuteDelay, cancellationToken);
    }

    public Task DeleteChangeSetAsync(string changeSetName, string? stackName, CancellationToken cancellationToken)
    {
        Calls.Add("DeleteChangeSet");
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<StackDescription>> DescribeStacksAsync(string? stackName, CancellationToken cancellationToken)
    {
        Calls.Add("DescribeStacks");
        await Task.Delay(DescribeDelay, cancellationToken);
        if (!Exists)
        {
            throw new SesAnalyticsException("StackNotFound", ErrorKind.ObjectNotFound, "Stack [ses-analytics] does not exist", stackName);
        }

        string status = !Started ? StatusBefore : Statuses.Count > 1 ? Statuses.Dequeue() : Statuses.Count > 0 ? Statuses.Peek() : "CREATE_COMPLETE";
        return [Describe(status)];
    }

    public async IAsyncEnumerable<StackEvent> DescribeStackEventsAsync(string stackName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Calls.Add("DescribeStackEvents");
        await Task.Yield();
        if (Started && EventBatches.TryDequeue(out var batch))
        {
            foreach ((string logicalId, string status, string? reason) in batch)
            {
                _eventSequence++;
                _events.Insert(0, new StackEvent($"e{_eventSequence}", StackId, "ses-analytics", DateTimeOffset.UtcNow, logicalId, null, "AWS::Test", status, reason, null));
            }
        }

        foreach (StackEvent stackEvent in _events.ToList())
        {
            yield return stackEvent;
        }
    }

    public Task<IReadOnlyList<StackResource>> DescribeStackResourcesAsync(string stackName, CancellationToken cancellationToken)
    {
        Calls.Add("DescribeStackResources");
        return Task.FromResult<IReadOnlyList<StackResource>>(
            [new StackResource("EventsBucket", "b", "AWS::S3::Bucket", DateTimeOffset.UtcNow, "CREATE_COMPLETE", null)]);
    }

    public Task DeleteStackAsync(string stackName, CancellationToken cancellationToken)
    {
        Calls.Add("DeleteStack");
        return Task.CompletedTask;
    }

    public Task CancelUpdateStackAsync(string stackName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Calls.Add("CancelUpdateStack:" + stackName);
        return Task.CompletedTask;
    }

    /// <summary>Events that already happened before the operation under test.</summary>
    public void History(params string[] statuses)
    {
        foreach (string status in statuses)
        {
            _eventSequence++;
            _events.Insert(0, new StackEvent($"e{_eventSequence}", StackId, "ses-analytics", DateTimeOffset.UtcNow, "OldResource", null, "AWS::Test", status, "old failure", null));
        }
    }

    private StackDescription Describe(string status) => new(
        StackId, "ses-analytics", status, null, DateTimeOffset.UtcNow, null, [],
        Outputs.Select(o => new StackOutput(o.Key, o.Value, null, null)).ToList(),
        [new StackTag("sesanalytics:managed-by", "SesAnalytics")]);
}
