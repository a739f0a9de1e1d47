using System.Management.Automation;
using System.Text.Json;
using SesAnalytics.Module.Tests.Support;
using SesAnalytics.Tests.Shared;

namespace SesAnalytics.Module.Tests.Query;

public sealed class InvokeSesAthenaQueryTests : IDisposable
{
    private readonly AthenaFake _fake = new();

    public void Dispose() => _fake.Dispose();

    [Fact]
    public void Rows_become_objects_typed_by_the_column_metadata()
    {
        _fake.SetResults(
            ["name", "n", "big", "ratio", "ok", "day", "at", "amount", "tags"],
            ["varchar", "integer", "bigint", "double", "boolean", "date", "timestamp", "decimal", "array"],
            [["example.com", "7", "9000000000", "0.5", "true", "2024-03-08", "2024-03-08 17:14:29.713", "12.50", "[a, b]"], ["x", null, null, null, null, null, null, null, null]]);

        ScriptResult result = ModuleSession.Run(
            $"Invoke-SesAthenaQuery -Sql 'SELECT * FROM events WHERE sender_identity = ? AND day = ?' -Parameter 'example.com', '2024/03/08' -WorkGroup ses-analytics -Database sesanalytics {_fake.AwsParameters}");

        result.AssertSuccess();
        Assert.Equal(2, result.Output.Count);
        PSObject row = result.Output[0];
        Assert.Equal(["name", "n", "big", "ratio", "ok", "day", "at", "amount", "tags"], row.Properties.Select(p => p.Name));
        Assert.Equal("example.com", row.Properties["name"].Value);
        Assert.Equal(7, row.Properties["n"].Value);
        Assert.Equal(9_000_000_000L, row.Properties["big"].Value);
        Assert.Equal(0.5, row.Properties["ratio"].Value);
        Assert.Equal(true, row.Properties["ok"].Value);
        Assert.Equal(new DateTime(2024, 3, 8), row.Properties["day"].Value);
        Assert.Equal(new DateTime(2024, 3, 8, 17, 14, 29, 713), row.Properties["at"].Value);
        Assert.Equal(12.50m, row.Properties["amount"].Value);
        Assert.Equal("[a, b]", row.Properties["tags"].Value);
        Assert.Null(result.Output[1].Properties["n"].Value);
        JsonElement start = Assert.Single(_fake.CallsTo("StartQueryExecution")).Body;
        Assert.Equal(["'example.com'", "'2024/03/08'"], start.GetProperty("ExecutionParameters").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("sesanalytics", start.GetProperty("QueryExecutionContext").GetProperty("Database").GetString());
        Assert.Contains(result.Information, i => i.Tags.Contains("Cost"));
        Assert.Contains(result.Progress, p => p.Activity == "Running the Athena query");
    }

    [Fact]
    public void A_cancelled_query_is_an_error_with_Athenas_reason()
    {
        _fake.StateAt = _ => "CANCELLED";
        _fake.StateChangeReason = "Query cancelled by user";

        ScriptResult result = ModuleSession.Run($"Invoke-SesAthenaQuery -Sql 'SELECT 1' -WorkGroup primary {_fake.AwsParameters}");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("AthenaQueryCancelled,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.OperationStopped, error.CategoryInfo.Category);
        Assert.Contains("Query cancelled by user", error.Exception.Message, StringComparison.Ordinal);
    }
}
