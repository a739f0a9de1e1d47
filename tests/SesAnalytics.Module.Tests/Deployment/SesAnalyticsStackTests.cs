using System.Management.Automation;
using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Deployment;

/// <summary>New-, Get- and Remove-SesAnalyticsStack as a user types them, against a CloudFormation fake on 127.0.0.1.</summary>
public sealed class SesAnalyticsStackTests : IDisposable
{
    private static readonly string[] Mutating = ["CreateStack", "UpdateStack", "ExecuteChangeSet", "DeleteStack"];

    private readonly AwsFake _cloudFormation = new();

    public void Dispose() => _cloudFormation.Dispose();

    [Fact]
    public void New_creates_the_stack_reports_each_resource_and_returns_its_outputs()
    {
        _cloudFormation.Statuses.Enqueue("CREATE_IN_PROGRESS");
        _cloudFormation.Statuses.Enqueue("CREATE_COMPLETE");
        _cloudFormation.EventBatches.Enqueue([("ses-analytics", "CREATE_IN_PROGRESS", null), ("EventsBucket", "CREATE_IN_PROGRESS", null)]);
        _cloudFormation.EventBatches.Enqueue([("EventsBucket", "CREATE_COMPLETE", null), ("DeliveryStream", "CREATE_COMPLETE", null)]);

        ScriptResult result = ModuleSession.Run($"New-SesAnalyticsStack -StackName ses-analytics -Tag @{{ team = 'mail' }} -Verbose {_cloudFormation.Parameters}");

        result.AssertSuccess();
        PSObject stack = Assert.Single(result.Output);
        Assert.Equal("CREATE_COMPLETE", stack.Properties["Status"].Value);
        Assert.Equal("ses-analytics-bucket", stack.Properties["BucketName"].Value);
        Assert.Equal("ses-analytics", stack.Properties["WorkGroup"].Value);
        Assert.Contains("CreateStack", _cloudFormation.Actions);
        Assert.Contains(result.Verbose, v => v.Message.Contains("EventsBucket (AWS::Test) CREATE_COMPLETE", StringComparison.Ordinal));
        Assert.Contains(result.Verbose, v => v.Message.Contains("DeliveryStream (AWS::Test) CREATE_COMPLETE", StringComparison.Ordinal));
        Assert.All(result.Progress, p => Assert.Equal("ses-analytics", p.Activity));
        Assert.Contains(result.Progress, p => p.RecordType == ProgressRecordType.Completed);
    }

    [Fact]
    public void New_on_an_existing_stack_that_changes_nothing_is_up_to_date_without_error()
    {
        _cloudFormation.Exists = true;
        _cloudFormation.NoChanges = true;

        ScriptResult result = ModuleSession.Run($"New-SesAnalyticsStack ses-analytics -Verbose {_cloudFormation.Parameters}");

        result.AssertSuccess();
        Assert.Equal("CREATE_COMPLETE", Assert.Single(result.Output).Properties["Status"].Value);
        Assert.Contains(result.Verbose, v => v.Message.Contains("up to date", StringComparison.Ordinal));
        Assert.Contains("DeleteChangeSet", _cloudFormation.Actions);
        Assert.DoesNotContain("ExecuteChangeSet", _cloudFormation.Actions);
    }

    [Fact]
    public void New_with_a_rollback_fails_with_the_resources_and_their_reasons()
    {
        _cloudFormation.Exists = true;
        _cloudFormation.Statuses.Enqueue("UPDATE_IN_PROGRESS");
        _cloudFormation.Statuses.Enqueue("UPDATE_ROLLBACK_COMPLETE");
        _cloudFormation.EventBatches.Enqueue([("DeliveryStream", "UPDATE_FAILED", "Role is not authorized to perform: glue:GetTable")]);

        ScriptResult result = ModuleSession.Run($"New-SesAnalyticsStack ses-analytics -RetentionDays 90 {_cloudFormation.Parameters}");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("StackDeploymentFailed", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("DeliveryStream (AWS::Test) UPDATE_FAILED: Role is not authorized to perform: glue:GetTable", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("ExecuteChangeSet", _cloudFormation.Actions);
    }

    [Fact]
    public void New_WhatIf_prints_the_changes_and_changes_nothing_but_its_change_set()
    {
        _cloudFormation.Exists = true;

        ScriptResult result = ModuleSession.Run($"New-SesAnalyticsStack ses-analytics -WhatIf -Verbose {_cloudFormation.Parameters}");

        result.AssertSuccess();
        Assert.Empty(result.Output);
        Assert.Contains(result.Verbose, v => v.Message == "Modify DeliveryStream (AWS::KinesisFirehose::DeliveryStream), replacement: False");
        Assert.Contains(result.Verbose, v => v.Message == "Add EventsBucket (AWS::S3::Bucket)");
        Assert.Empty(_cloudFormation.Actions.Intersect(Mutating));
        Assert.Equal(["CreateChangeSet", "DeleteChangeSet"], _cloudFormation.Actions.Where(a => !a.StartsWith("Describe", StringComparison.Ordinal)));
    }

    [Fact]
    public void WhatIfPreference_previews_like_WhatIf()
    {
        _cloudFormation.Exists = true;

        ScriptResult result = ModuleSession.Run($"$WhatIfPreference = $true; New-SesAnalyticsStack ses-analytics -Verbose {_cloudFormation.Parameters}");

        result.AssertSuccess();
        Assert.Contains(result.Verbose, v => v.Message == "Modify DeliveryStream (AWS::KinesisFirehose::DeliveryStream), replacement: False");
        Assert.Empty(_cloudFormation.Actions.Intersect(Mutating));
    }

    [Fact]
    public void Ctrl_C_while_a_creation_runs_stops_within_a_second_and_cancels_or_deletes_nothing()
    {
        _cloudFormation.Statuses.Enqueue("CREATE_IN_PROGRESS");

        TimeSpan stopTook = StopOnceCalled("CreateStack", $"New-SesAnalyticsStack -StackName ses-analytics {_cloudFormation.Parameters}");

        Assert.True(stopTook < TimeSpan.FromSeconds(1), stopTook.ToString());
        Assert.DoesNotContain("CancelUpdateStack", _cloudFormation.Actions);
        Assert.DoesNotContain("DeleteStack", _cloudFormation.Actions);
    }

    [Fact]
    public void Ctrl_C_during_an_update_cancels_the_update_in_CloudFormation()
    {
        _cloudFormation.Exists = true;
        _cloudFormation.Statuses.Enqueue("UPDATE_IN_PROGRESS");

        TimeSpan stopTook = StopOnceCalled("ExecuteChangeSet", $"New-SesAnalyticsStack -StackName ses-analytics -RetentionDays 90 {_cloudFormation.Parameters}");

        Assert.True(stopTook < TimeSpan.FromSeconds(2), stopTook.ToString());
        Assert.Contains("CancelUpdateStack", _cloudFormation.Actions);
    }

    /// <summary>Presses Ctrl+C once CloudFormation received <paramref name="action"/>; returns how long stopping took.</summary>
    private TimeSpan StopOnceCalled(string action, string script)
    {
        (ScriptResult result, TimeSpan stopTook) = ModuleSession.RunAndStop(script, () => _cloudFormation.Actions.Contains(action), TimeSpan.FromSeconds(30));
        Assert.Contains(action, _cloudFormation.Actions);
        Assert.Empty(result.Output);
        return stopTook;
    }

    [Fact]
    public void Get_lists_only_the_stacks_tagged_as_ours()
    {
        _cloudFormation.Exists = true;

        ScriptResult result = ModuleSession.Run($"Get-SesAnalyticsStack {_cloudFormation.Parameters}");

        result.AssertSuccess();
        Assert.Equal(["ses-analytics"], result.Output.Select(o => (string)o.Properties["StackName"].Value));
        Assert.Equal("SesAnalytics", ((IReadOnlyDictionary<string, string>)result.Output[0].Properties["Tags"].Value)["sesanalytics:managed-by"]);
    }

    [Fact]
    public void Get_a_missing_stack_is_ObjectNotFound_for_that_name()
    {
        ScriptResult result = ModuleSession.Run($"Get-SesAnalyticsStack -StackName nope {_cloudFormation.Parameters}");

        Assert.Null(result.TerminatingError);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("nope", error.TargetObject);
    }

    [Fact]
    public void Remove_warns_that_the_bucket_is_kept_and_deletes_the_stack()
    {
        _cloudFormation.Exists = true;
        _cloudFormation.Statuses.Enqueue("DELETE_IN_PROGRESS");
        _cloudFormation.Statuses.Enqueue("DELETE_COMPLETE");
        _cloudFormation.EventBatches.Enqueue([("DeliveryStream", "DELETE_COMPLETE", null)]);

        ScriptResult result = ModuleSession.Run($"Get-SesAnalyticsStack ses-analytics {_cloudFormation.Parameters} | Remove-SesAnalyticsStack -Confirm:$false {_cloudFormation.Parameters}");

        result.AssertSuccess();
        WarningRecord warning = Assert.Single(result.Warnings);
        Assert.Contains("ses-analytics-bucket", warning.Message, StringComparison.Ordinal);
        Assert.Contains("KEPT", warning.Message, StringComparison.Ordinal);
        Assert.Contains("s3://ses-analytics-bucket/partitioned/", warning.Message, StringComparison.Ordinal);
        Assert.Contains("DeleteStack", _cloudFormation.Actions);
    }
}
