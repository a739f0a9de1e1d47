using System.Diagnostics;
using SesAnalytics.Engine.Deployment;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Stack;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Deployment;

public sealed class StackDeployerTests
{
    private static readonly PollingOptions Fast = new(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20));

    /// <summary>Well under the 2 s poll delay, so a wait that ignored the token could not pass, with room for a busy machine.</summary>
    private static readonly TimeSpan StopsWithin = TimeSpan.FromSeconds(1.5);

    private readonly FakeCloudFormation _cloudFormation = new();
    private readonly RecordingSink _sink = new();

    [Fact]
    public async Task A_new_stack_is_created_tagged_and_watched_to_the_end()
    {
        _cloudFormation.Statuses.Enqueue("CREATE_IN_PROGRESS");
        _cloudFormation.Statuses.Enqueue("CREATE_IN_PROGRESS");
        _cloudFormation.Statuses.Enqueue("CREATE_COMPLETE");
        _cloudFormation.EventBatches.Enqueue([("ses-analytics", "CREATE_IN_PROGRESS", null), ("EventsBucket", "CREATE_IN_PROGRESS", null)]);
        _cloudFormation.EventBatches.Enqueue([("EventsBucket", "CREATE_COMPLETE", null), ("DeliveryStream", "CREATE_COMPLETE", null)]);

        DeploymentResult result = await Deployer().DeployAsync(Deployment(), default);

        Assert.Equal(DeploymentOutcome.Created, result.Outcome);
        Assert.Equal("CREATE_COMPLETE", result.Stack.Status);
        Assert.Equal("ses-analytics-bucket", result.Stack.BucketName);
        Assert.Equal("ses-events", result.Stack.DeliveryStreamName);
        Assert.Equal("us-east-1", result.Stack.Region);
        Assert.Contains("CreateStack", _cloudFormation.Calls);
        Assert.Contains(_cloudFormation.TagsSent, t => t.Key == "team" && t.Value == "mail");
        Assert.Contains(_cloudFormation.TagsSent, t => t.Key == StackTags.ManagedBy && t.Value == "SesAnalytics");
        Assert.Contains(_cloudFormation.TagsSent, t => t.Key == StackTags.Version);
        List<string> statuses = _sink.Progresses.Where(p => !p.Completed).Select(p => p.Status).ToList();
        Assert.Equal(["ses-analytics CREATE_IN_PROGRESS", "EventsBucket CREATE_IN_PROGRESS", "EventsBucket CREATE_COMPLETE", "DeliveryStream CREATE_COMPLETE"], statuses);
        Assert.All(_sink.Progresses, p => Assert.Equal("ses-analytics", p.Activity));
        Assert.Equal(2 * 100 / 11, _sink.Progresses.Where(p => !p.Completed).Last().PercentComplete); // 2 of the 11 resources complete
        Assert.True(_sink.Progresses.Last().Completed);
    }

    [Fact]
    public async Task An_existing_stack_is_updated_through_a_change_set()
    {
        _cloudFormation.Exists = true;
        _cloudFormation.Statuses.Enqueue("UPDATE_IN_PROGRESS");
        _cloudFormation.Statuses.Enqueue("UPDATE_COMPLETE");
        _cloudFormation.EventBatches.Enqueue([("DeliveryStream", "UPDATE_COMPLETE", null)]);

        DeploymentResult result = await Deployer().DeployAsync(Deployment(), default);

        Assert.Equal(DeploymentOutcome.Updated, result.Outcome);
        Assert.Contains("CreateChangeSet:Update", _cloudFormation.Calls);
        Assert.Contains("ExecuteChangeSet", _cloudFormation.Calls);
        Assert.DoesNotContain("CreateStack", _cloudFormation.Calls);
        Assert.Contains(_sink.Progresses, p => p.Status == "DeliveryStream UPDATE_COMPLETE");
    }

    [Fact]
    public async Task An_update_that_changes_nothing_is_up_to_date_and_the_change_set_is_deleted()
    {
        _cloudFormation.Exists = true;
        _cloudFormation.ChangeSet = _cloudFormation.ChangeSet with
        {
            Status = "FAILED",
            StatusReason = "The submitted information didn't contain changes. Submit different information to create a change set.",
            Changes = [],
        };

        DeploymentResult result = await Deployer().DeployAsync(Deployment(), default);

        Assert.Equal(DeploymentOutcome.UpToDate, result.Outcome);
        Assert.Contains("DeleteChangeSet", _cloudFormation.Calls);
        Assert.DoesNotContain("ExecuteChangeSet", _cloudFormation.Calls);
        Assert.Empty(_sink.Errors);
    }

    [Fact]
    public async Task A_change_set_CloudFormation_could_not_prepare_is_deleted_and_its_reason_reported()
    {
        _cloudFormation.Exists = true;
        _cloudFormation.ChangeSet = _cloudFormation.ChangeSet with { Status = "FAILED", StatusReason = "Parameter validation failed" };

        var error = await Assert.ThrowsAsync<SesAnalyticsException>(() => Deployer().DeployAsync(Deployment(), default));

        Assert.Equal("ChangeSetFailed", error.ErrorId);
        Assert.Contains("Parameter validation failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("DeleteChangeSet", _cloudFormation.Calls);
        Assert.DoesNotContain("ExecuteChangeSet", _cloudFormation.Calls);
    }

    [Fact]
    public async Task A_rollback_names_the_failed_resources_of_this_operation_and_their_reasons()
    {
        _cloudFormation.History("UPDATE_FAILED");
        _cloudFormation.Exists = true;
        _cloudFormation.Statuses.Enqueue("UPDATE_IN_PROGRESS");
        _cloudFormation.Statuses.Enqueue("UPDATE_ROLLBACK_COMPLETE");
        _cloudFormation.EventBatches.Enqueue(
        [
            ("EventsBucket", "UPDATE_FAILED", "ses-analytics-bucket already exists"),
            ("DeliveryStream", "UPDATE_FAILED", "Resource update cancelled"),
            ("ses-analytics", "UPDATE_ROLLBACK_COMPLETE", null),
        ]);

        var error = await Assert.ThrowsAsync<SesAnalyticsException>(() => Deployer().DeployAsync(Deployment(), default));

        Assert.Equal("StackDeploymentFailed", error.ErrorId);
        Assert.Contains("UPDATE_ROLLBACK_COMPLETE", error.Message, StringComparison.Ordinal);
        Assert.Contains("EventsBucket (AWS::Test) UPDATE_FAILED: ses-analytics-bucket already exists", error.Message, StringComparison.Ordinal);
        Assert.Contains("DeliveryStream", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("old failure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_creation_stops_within_a_second_and_never_cancels_or_deletes_anything()
    {
        _cloudFormation.Statuses.Enqueue("CREATE_IN_PROGRESS");

        TimeSpan took = await DeployUntilCancelledAsync();

        Assert.True(took < StopsWithin, took.ToString());
        Assert.DoesNotContain(_cloudFormation.Calls, c => c.StartsWith("CancelUpdateStack", StringComparison.Ordinal) || c == "DeleteStack");
        Assert.Contains(_sink.Warnings, w => w.Contains("carries on creating it (a creation cannot be cancelled)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_before_CreateStack_answers_still_says_the_creation_may_go_on()
    {
        _cloudFormation.CreateDelay = TimeSpan.FromSeconds(30);

        TimeSpan took = await DeployUntilCancelledAsync();

        Assert.True(took < StopsWithin, took.ToString());
        Assert.Equal("CreateStack", _cloudFormation.Calls[^1]);
        Assert.Contains(_sink.Warnings, w => w.StartsWith(
            "Stopped waiting for the stack 'ses-analytics'. CloudFormation carries on creating it (a creation cannot be cancelled), if the request reached it before the stop;",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_an_update_while_waiting_cancels_the_update_in_CloudFormation()
    {
        _cloudFormation.Exists = true;
        _cloudFormation.Statuses.Enqueue("UPDATE_IN_PROGRESS");

        TimeSpan took = await DeployUntilCancelledAsync();

        Assert.True(took < StopsWithin, took.ToString());
        Assert.Contains("ExecuteChangeSet", _cloudFormation.Calls);
        Assert.Equal("CancelUpdateStack:ses-analytics", _cloudFormation.Calls[^1]);
        Assert.Contains(_sink.Warnings, w => w.Contains("rolls it back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_while_the_change_set_is_being_executed_cancels_the_update_too()
    {
        _cloudFormation.Exists = true;
        _cloudFormation.ExecuteDelay = TimeSpan.FromSeconds(30);

        TimeSpan took = await DeployUntilCancelledAsync();

        Assert.True(took < StopsWithin, took.ToString());
        Assert.Equal(["ExecuteChangeSet", "CancelUpdateStack:ses-analytics"], _cloudFormation.Calls.TakeLast(2));
    }

    /// <summary>Deploys with slow polling and cancels 300 ms in, as Ctrl+C would; returns how long the deployment took to stop.</summary>
    private async Task<TimeSpan> DeployUntilCancelledAsync()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var deployer = new StackDeployer(_cloudFormation, "us-east-1", _sink, new PollingOptions(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)));
        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => deployer.DeployAsync(Deployment(), cancellation.Token));
        return stopwatch.Elapsed;
    }

    [Fact]
    public async Task A_stack_whose_creation_rolled_back_must_be_deleted_first()
    {
        _cloudFormation.Exists = true;
        _cloudFormation.StatusBefore = "ROLLBACK_COMPLETE";

        var error = await Assert.ThrowsAsync<SesAnalyticsException>(() => Deployer().DeployAsync(Deployment(), default));

        Assert.Equal("StackNeedsRecreation", error.ErrorId);
        Assert.Contains("Remove-SesAnalyticsStack -StackName ses-analytics", error.Message, StringComparison.Ordinal);
        Assert.Equal(["DescribeStacks"], _cloudFormation.Calls);
    }

    [Fact]
    public async Task No_wait_returns_right_after_the_call()
    {
        _cloudFormation.Statuses.Enqueue("CREATE_IN_PROGRESS");

        DeploymentResult result = await Deployer().DeployAsync(Deployment() with { NoWait = true }, default);

        Assert.Equal(DeploymentOutcome.Started, result.Outcome);
        Assert.Equal("CREATE_IN_PROGRESS", result.Stack.Status);
        Assert.DoesNotContain("DescribeStackEvents", _cloudFormation.Calls);
    }

    [Fact]
    public async Task Preview_of_an_update_only_reads_and_creates_describes_and_deletes_a_change_set()
    {
        _cloudFormation.Exists = true;

        IReadOnlyList<PlannedChange> changes = await Deployer().PreviewAsync(Deployment(), default);

        PlannedChange change = Assert.Single(changes);
        Assert.Equal("Modify DeliveryStream (AWS::KinesisFirehose::DeliveryStream), replacement: False", change.ToString());
        Assert.Equal(["DescribeStacks", "CreateChangeSet:Update", "DescribeChangeSet", "DeleteChangeSet"], _cloudFormation.Calls);
    }

    [Fact]
    public async Task Preview_of_a_new_stack_lists_the_templates_resources_without_a_change_set()
    {
        // A CREATE change set, even deleted, would leave an empty REVIEW_IN_PROGRESS stack behind.
        _cloudFormation.Exists = false;

        IReadOnlyList<PlannedChange> changes = await Deployer().PreviewAsync(Deployment(), default);

        Assert.Equal(["DescribeStacks"], _cloudFormation.Calls);
        Assert.All(changes, c => Assert.Equal("Add", c.Action));
        Assert.Contains(changes, c => c.LogicalResourceId == "DeliveryStream" && c.ResourceType == "AWS::KinesisFirehose::DeliveryStream");
        Assert.Contains(changes, c => c.ResourceType == "AWS::S3::Bucket");
    }

    [Fact]
    public async Task Removing_deletes_the_stack_and_waits_until_it_is_gone()
    {
        _cloudFormation.Exists = true;
        _cloudFormation.Statuses.Enqueue("DELETE_IN_PROGRESS");
        _cloudFormation.Statuses.Enqueue("DELETE_COMPLETE");
        _cloudFormation.EventBatches.Enqueue([("DeliveryStream", "DELETE_COMPLETE", null)]);
        var catalog = new StackCatalog(_cloudFormation, "us-east-1");
        SesAnalyticsStack stack = await catalog.GetAsync("ses-analytics", default);

        await Deployer().RemoveAsync(stack, noWait: false, default);

        Assert.Contains("DeleteStack", _cloudFormation.Calls);
        Assert.Contains(_sink.Progresses, p => p.Status == "DeliveryStream DELETE_COMPLETE");
    }

    private StackDeployer Deployer() => new(_cloudFormation, "us-east-1", _sink, Fast);

    private static StackDeployment Deployment() =>
        new("ses-analytics", new TemplateOptions { Tags = new Dictionary<string, string> { ["team"] = "mail" } });
}
