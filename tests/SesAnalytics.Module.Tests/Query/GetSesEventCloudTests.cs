using System.Management.Automation;
using System.Text.Json;
using SesAnalytics.Module.Tests.Support;
using SesAnalytics.Tests.Shared;

namespace SesAnalytics.Module.Tests.Query;

/// <summary>Get-SesEvent with Athena (the stack's lines table), against a WireMock Athena on 127.0.0.1.</summary>
public sealed class GetSesEventCloudTests : IDisposable
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
