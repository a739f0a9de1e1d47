using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.Json;
using SesAnalytics.Module.Tests.Support;
using SesAnalytics.Tests.Shared;

namespace SesAnalytics.Module.Tests.Query;

/// <summary>The cloud parameter sets of Get-SesBounce, Get-SesEvent and Get-SesEventSummary, against a WireMock Athena on 127.0.0.1.</summary>
public sealed class GetSesCloudQueryTests : IDisposable
{
    private const string Cloud = "-WorkGroup ses-analytics -Database sesanalytics -Table events";
    private static readonly DateOnly Day = new(2024, 3, 8);
    private readonly AthenaFake _fake = new();
    private readonly SampleStore _store = new();

    public void Dispose()
    {
        _fake.Dispose();
        _store.Dispose();
    }

    [Fact]
    public void Cloud_bounces_equal_the_bounces_of_a_store_holding_the_same_events()
    {
        string[] recipients = ["a@example.net", "b@example.net"];
        _store.Add("example.com", "Bounce", Day, recipients.Select(r => SampleStore.Bounce("example.com", "Permanent", r)));
        // The rows Athena returns for those two events: the columns of the generated bounce query, as text.
        _fake.SetResults(
            Enumerable.Range(0, 20).Select(i => "c" + i).ToList(),
            Enumerable.Repeat("varchar", 20).ToList(),
            recipients.Select(r => (IReadOnlyList<string?>)
            [
                "example.com", "2024/03/08", "message-" + r, "2024-03-08T17:14:29.713Z", "sender@example.com", "000000000000", "test-bounce",
                "default-1", null, null, null, "Permanent", "General", "feedback-" + r, "2024-03-08T17:14:30.701Z", "dns; mta.example.com",
                "failed", "5.1.1", "smtp; 550 5.1.1 user unknown", r,
            ]));

        ScriptResult local = Run("Get-SesBounce -Path $store -From 2024-03-08 -To 2024-03-08");
        ScriptResult cloud = Run($"Get-SesBounce {Cloud} -Identity example.com -From 2024-03-08 -To 2024-03-08 {_fake.AwsParameters}");

        local.AssertSuccess();
        cloud.AssertSuccess();
        Assert.Equal(2, cloud.Output.Count);
        Assert.Equal("SesAnalytics.Engine.Query.BounceRecord", cloud.Output[0].BaseObject.GetType().FullName);
        Assert.Equal(local.Output.Select(o => o.BaseObject), cloud.Output.Select(o => o.BaseObject));
        JsonElement start = Assert.Single(_fake.CallsTo("StartQueryExecution")).Body;
        Assert.Equal(["'example.com'", "'Bounce'", "'2024/03/08'"], start.GetProperty("ExecutionParameters").EnumerateArray().Select(p => p.GetString()));
        Assert.All(_fake.Calls, c => Assert.Contains("/us-east-1/athena/aws4_request", c.Authorization, StringComparison.Ordinal));
    }

    [Fact]
    public void Cloud_summary_returns_typed_summaries_and_the_cost()
    {
        _fake.SetResults(
            ["sender_identity", "day", "event_type", "_col3", "_col4", "_col5", "_col6", "_col7"],
            ["varchar", "varchar", "varchar", "bigint", "bigint", "bigint", "bigint", "bigint"],
            [
                ["example.com", "2024/03/08", "Bounce", "2", "2", "1", "1", "0"],
                ["example.com", "2024/03/08", "Send", "10", "20", "0", "0", "0"],
            ]);

        ScriptResult result = Run($"Get-SesEventSummary {Cloud} -Identity example.com -From 2024-03-08 -To 2024-03-08 {_fake.AwsParameters}");

        result.AssertSuccess();
        PSObject summary = Assert.Single(result.Output);
        Assert.Equal("SesAnalytics.Engine.Query.EventSummary", summary.BaseObject.GetType().FullName);
        Assert.Equal(10L, summary.Properties["Sends"].Value);
        Assert.Equal(20L, summary.Properties["SentRecipients"].Value);
        Assert.Equal(1L, summary.Properties["HardBounces"].Value);
        Assert.Equal(0.05, summary.Properties["BounceRate"].Value);
        Assert.Equal("Warning", summary.Properties["Status"].Value.ToString());
        InformationRecord cost = Assert.Single(result.Information, i => i.Tags.Contains("Cost"));
        Assert.Contains("USD", cost.MessageData.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wildcard_identity_is_matched_against_the_identities_in_the_work_groups_bucket()
    {
        _fake.BucketIdentities = ["alerts@example.net", "example.com", "mail.example.com"];
        _fake.SetResults(["identity"], ["varchar"], []);

        ScriptResult result = Run($"Get-SesBounce {Cloud} -Identity '*.example.com', 'example.com' {_fake.AwsParameters}");

        result.AssertSuccess();
        Assert.Single(_fake.CallsTo("GetWorkGroup"));
        Assert.Contains(_fake.Calls, c => c.Operation.StartsWith("S3:ListObjectsV2 /" + AthenaFake.Bucket, StringComparison.Ordinal));
        string parameters = string.Join(",", Assert.Single(_fake.CallsTo("StartQueryExecution")).Body.GetProperty("ExecutionParameters").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("'example.com'", parameters, StringComparison.Ordinal);
        Assert.Contains("'mail.example.com'", parameters, StringComparison.Ordinal);
        Assert.DoesNotContain("alerts@example.net", parameters, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stack_from_the_pipeline_names_the_work_group_table_and_bucket()
    {
        _fake.BucketIdentities = ["example.com", "mail.example.com"];
        _fake.SetResults(["identity"], ["varchar"], []);

        ScriptResult result = Run($"[pscustomobject]@{{ StackName = '{AthenaFake.StackName}' }} | Get-SesBounce -Identity '*.example.com' {_fake.AwsParameters}");

        result.AssertSuccess();
        Assert.Contains(_fake.Calls, c => c.Operation.StartsWith("CloudFormation:Action=DescribeStacks", StringComparison.Ordinal));
        Assert.Contains(_fake.Calls, c => c.Operation.StartsWith("S3:ListObjectsV2 /" + AthenaFake.Bucket, StringComparison.Ordinal));
        Assert.Empty(_fake.CallsTo("GetWorkGroup"));
        AthenaCall start = Assert.Single(_fake.CallsTo("StartQueryExecution"));
        Assert.Equal("stack-wg", start.Body.GetProperty("WorkGroup").GetString());
        Assert.Equal("sesanalytics", start.Body.GetProperty("QueryExecutionContext").GetProperty("Database").GetString());
        Assert.Contains("\"events\"", start.Body.GetProperty("QueryString").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_identities_every_identity_of_the_given_bucket_is_read_and_none_means_no_query()
    {
        _fake.BucketIdentities = [];

        ScriptResult result = Run($"Get-SesEventSummary {Cloud} -BucketName other-bucket {_fake.AwsParameters} -Verbose");

        result.AssertSuccess();
        Assert.Empty(result.Output);
        Assert.Contains(_fake.Calls, c => c.Operation.StartsWith("S3:ListObjectsV2 /other-bucket", StringComparison.Ordinal));
        Assert.Empty(_fake.CallsTo("GetWorkGroup"));
        Assert.Empty(_fake.CallsTo("StartQueryExecution"));
        Assert.Contains(result.Verbose, v => v.Message.Contains("Athena was not asked", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_query_is_an_error_with_Athenas_reason()
    {
        _fake.StateAt = _ => "FAILED";
        _fake.StateChangeReason = "HIVE_BAD_DATA: Error parsing field value";

        ScriptResult result = Run($"Get-SesBounce {Cloud} -Identity example.com {_fake.AwsParameters}");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("AthenaQueryFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("HIVE_BAD_DATA", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ctrl_C_while_the_query_runs_stops_it_in_Athena_within_a_second()
    {
        _fake.StateAt = _ => "RUNNING";

        using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using PowerShell shell = PowerShell.Create(runspace);
        shell.AddScript($"Import-Module '{RepoPaths.ModuleManifest}' -ErrorAction Stop\nGet-SesBounce {Cloud} -Identity example.com {_fake.AwsParameters}");
        IAsyncResult pending = shell.BeginInvoke();
        // Stop once the query runs (module import and start-up take a while on a busy machine), as a user would.
        SpinWait.SpinUntil(() => _fake.CallsTo("GetQueryExecution").Count() >= 2, TimeSpan.FromSeconds(30));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        shell.Stop();
        Assert.ThrowsAny<RuntimeException>(() => shell.EndInvoke(pending));
        TimeSpan stopTook = watch.Elapsed;

        Assert.True(_fake.CallsTo("GetQueryExecution").Count() >= 2, "The query never ran.");
        Assert.True(stopTook < TimeSpan.FromSeconds(1), $"Stopping took {stopTook}.");
        Assert.Single(_fake.CallsTo("StopQueryExecution"));
    }

    [Fact]
    public void The_path_set_needs_no_credentials()
    {
        _store.Add("example.com", "Bounce", Day, [SampleStore.Bounce("example.com", "Permanent", "a@example.net")]);

        ScriptResult result = Run("$env:AWS_PROFILE = $null; Get-SesBounce $store -From 2024-03-08 -To 2024-03-08 -ProfileName does-not-exist");

        result.AssertSuccess();
        Assert.Single(result.Output);
    }

    [Fact]
    public void Cloud_events_equal_the_events_of_a_store_holding_the_same_lines()
    {
        string[] lines =
        [
            SampleStore.Send("example.com", "a@example.net"),
            SampleStore.Bounce("example.com", "Permanent", "a@example.net"),
            SampleStore.Complaint("example.com", "b@example.net"),
        ];
        _store.Add("example.com", "Send", Day, [lines[0]]);
        _store.Add("example.com", "Bounce", Day, [lines[1]]);
        _store.Add("example.com", "Complaint", Day, [lines[2]]);
        ScriptResult local = Run("Get-SesEvent -Path $store -From 2024-03-08 -To 2024-03-08");
        local.AssertSuccess();
        // Athena answers with the lines in the order the local query gave them.
        _fake.SetResults(["sender_identity", "day", "line"], ["varchar", "varchar", "varchar"], local.Output.Select(o => (IReadOnlyList<string?>)["example.com", "2024/03/08", Property(o, "Json")]));

        ScriptResult cloud = Run($"Get-SesEvent {Cloud} -Identity example.com -From 2024-03-08 -To 2024-03-08 {_fake.AwsParameters}");

        cloud.AssertSuccess();
        Assert.Equal(3, cloud.Output.Count);
        Assert.Equal(
            ["SesAnalytics.Engine.Events.BounceEvent", "SesAnalytics.Engine.Events.ComplaintEvent", "SesAnalytics.Engine.Events.SendEvent"],
            cloud.Output.Select(o => o.BaseObject.GetType().FullName).Order());
        Assert.Equal(local.Output.Select(o => o.BaseObject.GetType()), cloud.Output.Select(o => o.BaseObject.GetType()));
        foreach (string property in new[] { "Identity", "EventType", "MessageId", "Timestamp", "Subject", "Source", "ConfigurationSet", "Json" })
        {
            Assert.Equal(local.Output.Select(o => Property(o, property)), cloud.Output.Select(o => Property(o, property)));
        }

        Assert.Equal(local.Output.Select(o => string.Join(",", (IEnumerable<string>)o.Properties["Recipients"].Value)), cloud.Output.Select(o => string.Join(",", (IEnumerable<string>)o.Properties["Recipients"].Value)));
        string sql = Assert.Single(_fake.CallsTo("StartQueryExecution")).Body.GetProperty("QueryString").GetString()!;
        Assert.Contains("FROM \"sesanalytics\".\"events_lines\"", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Piped_bounces_ask_Athena_once_for_all_their_messages_through_the_stack()
    {
        _store.Add("example.com", "Bounce", Day, new[] { "a@example.net", "b@example.net", "c@example.net" }.Select(r => SampleStore.Bounce("example.com", "Permanent", r)));
        _fake.SetResults(["sender_identity", "day", "line"], ["varchar", "varchar", "varchar"], []);

        ScriptResult result = Run(
            $"Get-SesBounce $store -From 2024-03-08 -To 2024-03-08 | Get-SesEvent -StackName {AthenaFake.StackName} -Identity example.com -From 2024-03-08 -To 2024-03-09 {_fake.AwsParameters}");

        result.AssertSuccess();
        AthenaCall start = Assert.Single(_fake.CallsTo("StartQueryExecution"));
        Assert.Equal("stack-wg", start.Body.GetProperty("WorkGroup").GetString());
        Assert.Contains("\"events_lines\"", start.Body.GetProperty("QueryString").GetString(), StringComparison.Ordinal);
        List<string?> parameters = start.Body.GetProperty("ExecutionParameters").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Equal(3, parameters.Count(p => p!.StartsWith("'message-", StringComparison.Ordinal)));
        Assert.Contains("'2024/03/09'", parameters);
    }

    [Fact]
    public void A_stack_without_the_lines_table_says_to_update_it_and_asks_nothing()
    {
        _fake.StackHasLinesTable = false;

        ScriptResult result = Run($"Get-SesEvent -StackName {AthenaFake.StackName} -Identity example.com {_fake.AwsParameters}");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("StackOutdated,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("New-SesAnalyticsStack -StackName " + AthenaFake.StackName, error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.CallsTo("StartQueryExecution"));
    }

    [Fact]
    public void A_line_that_is_not_an_SES_event_is_one_error_and_the_rest_still_comes()
    {
        _fake.SetResults(
            ["sender_identity", "day", "line"],
            ["varchar", "varchar", "varchar"],
            [["example.com", "2024/03/08", "{\"eventType\":\"Nonsense\"}"], ["example.com", "2024/03/08", SampleStore.Send("example.com", "a@example.net")]]);

        ScriptResult result = Run($"Get-SesEvent {Cloud} -Identity example.com -From 2024-03-08 -To 2024-03-08 {_fake.AwsParameters}");

        Assert.Single(result.Output);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("InvalidStoredEvent,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    private static string? Property(PSObject item, string name) => item.Properties[name].Value switch
    {
        null => null,
        DateTimeOffset time => time.ToString("O"),
        var value => value.ToString(),
    };

    private ScriptResult Run(string script) =>
        ModuleSession.Run(script, new Dictionary<string, object?> { ["store"] = _store.Root });
}
