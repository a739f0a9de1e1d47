using System.Diagnostics;
using System.Text.Json;
using SesAnalytics.Engine.Aws.Athena;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Tests.Aws.Support;
using SesAnalytics.Fakes;
using SesAnalytics.Fakes.Athena;

namespace SesAnalytics.Engine.Tests.Query.Athena;

/// <summary>The runner against the Athena fake on 127.0.0.1: paging, failures, Ctrl+C and cost.</summary>
public sealed class AthenaQueryRunnerTests : IDisposable
{
    private static readonly AthenaStatement Statement = new("SELECT n, word FROM t WHERE sender_identity = ?", ["'example.com'"]);
    private readonly AthenaFake _fake = new();
    private readonly CapturingSink _sink = new();
    private readonly AwsHttpClient _http;

    public AthenaQueryRunnerTests()
    {
        _http = new AwsHttpClient(TestClients.Options("athena", "Athena", new Uri(_fake.EndpointUrl), handler: null));
    }

    public void Dispose()
    {
        _http.Dispose();
        _fake.Dispose();
    }

    [Fact]
    public async Task Three_pages_of_a_thousand_rows_are_read_and_only_the_header_row_is_skipped()
    {
        _fake.SetResults(["n", "word"], ["integer", "varchar"], Enumerable.Range(0, 2999).Select(i => (IReadOnlyList<string?>)[i.ToString(System.Globalization.CultureInfo.InvariantCulture), i % 2 == 0 ? "even" : null]));

        List<AthenaRow> rows = await ToListAsync(Runner().RunAsync(Statement, "ses-analytics", "sesanalytics", default));

        Assert.Equal(2999, rows.Count);
        Assert.Equal(Enumerable.Range(0, 2999).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r[0]));
        Assert.Null(rows[1][1]);
        Assert.Equal(["n", "word"], rows[0].Columns.Select(c => c.Name));
        Assert.Equal(3, _fake.CallsTo("GetQueryResults").Length);
        Assert.All(_fake.Requests, c =>
        {
            Assert.Contains("/athena/aws4_request", c.Authorization, StringComparison.Ordinal);
            Assert.Equal("application/x-amz-json-1.1", c.ContentType);
        });
    }

    [Fact]
    public async Task The_start_request_carries_work_group_database_parameters_and_a_token()
    {
        await ToListAsync(Runner().RunAsync(Statement, "ses-analytics", "sesanalytics", default));

        JsonElement start = AthenaFake.JsonBody(Assert.Single(_fake.CallsTo("StartQueryExecution")));
        Assert.Equal(Statement.Text, start.GetProperty("QueryString").GetString());
        Assert.Equal("ses-analytics", start.GetProperty("WorkGroup").GetString());
        Assert.Equal("sesanalytics", start.GetProperty("QueryExecutionContext").GetProperty("Database").GetString());
        Assert.Equal(["'example.com'"], start.GetProperty("ExecutionParameters").EnumerateArray().Select(p => p.GetString()));
        Assert.InRange(start.GetProperty("ClientRequestToken").GetString()!.Length, 32, 128);
    }

    [Fact]
    public async Task Polling_reports_progress_until_the_query_succeeds()
    {
        _fake.States = ["QUEUED", "RUNNING", "RUNNING", "SUCCEEDED"];

        await ToListAsync(Runner().RunAsync(Statement, "ses-analytics", null, default));

        Assert.Equal(4, _fake.CallsTo("GetQueryExecution").Length);
        Assert.Contains(_sink.ProgressReports, p => p.Status.StartsWith("RUNNING", StringComparison.Ordinal) && p.Status.Contains("scanned", StringComparison.Ordinal));
        Assert.True(_sink.ProgressReports.Last().Completed);
    }

    [Theory]
    [InlineData("FAILED", "AthenaQueryFailed")]
    [InlineData("CANCELLED", "AthenaQueryCancelled")]
    public async Task A_failed_or_cancelled_query_reports_Athenas_reason(string state, string errorId)
    {
        _fake.States = ["RUNNING", state];
        _fake.StateChangeReason = "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved";

        var error = await Assert.ThrowsAsync<SesAnalyticsException>(() => ToListAsync(Runner().RunAsync(Statement, "ses-analytics", null, default)));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains("Column 'nope' cannot be resolved", error.Message, StringComparison.Ordinal);
        Assert.Contains(AthenaFake.ExecutionId, error.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.CallsTo("GetQueryResults"));
    }

    [Fact]
    public async Task Cancelling_while_polling_stops_the_query_in_Athena_within_a_second()
    {
        _fake.States = ["RUNNING"];
        using var cancel = new CancellationTokenSource();
        Task<List<AthenaRow>> run = ToListAsync(Runner().RunAsync(Statement, "ses-analytics", null, cancel.Token));
        await WaitUntilAsync(() => _fake.CallsTo("GetQueryExecution").Length >= 2);

        var watch = Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"Stopping took {watch.Elapsed}.");
        FakeRequest stop = Assert.Single(_fake.CallsTo("StopQueryExecution"));
        Assert.Equal(AthenaFake.ExecutionId, AthenaFake.JsonBody(stop).GetProperty("QueryExecutionId").GetString());
        Assert.Contains("/athena/aws4_request", stop.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_scanned_and_the_cost_estimate_are_reported()
    {
        _fake.DataScannedInBytes = 1234;

        await ToListAsync(Runner().RunAsync(Statement, "ses-analytics", null, default));

        (string message, string[] tags) = Assert.Single(_sink.InformationRecords);
        Assert.Contains("Cost", tags);
        Assert.Contains(AthenaFake.ExecutionId, message, StringComparison.Ordinal);
        Assert.Contains("billed as 10 MB", message, StringComparison.Ordinal);
        Assert.Contains("USD 0.000048", message, StringComparison.Ordinal);
        Assert.Contains(_sink.VerboseMessages, m => m.Contains("scanned 1234 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void Cost_is_5_USD_per_TB_rounded_up_to_the_megabyte_with_10_MB_at_least()
    {
        Assert.Equal(10 * AthenaQueryCost.Megabyte, AthenaQueryCost.Estimate("q", 0).BilledBytes);
        Assert.Equal(12 * AthenaQueryCost.Megabyte, AthenaQueryCost.Estimate("q", (11 * AthenaQueryCost.Megabyte) + 1).BilledBytes);
        Assert.Equal(5m, AthenaQueryCost.Estimate("q", AthenaQueryCost.Terabyte).EstimatedUsd);
    }

    private AthenaQueryRunner Runner() => new(new AthenaClient(_http), _sink)
    {
        FirstPollDelay = TimeSpan.FromMilliseconds(10),
        MaxPollDelay = TimeSpan.FromMilliseconds(40),
    };

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "The fake never saw the expected calls.");
            await Task.Delay(10);
        }
    }
}
