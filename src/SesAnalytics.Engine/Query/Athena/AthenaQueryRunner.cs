using System.Diagnostics;
using System.Runtime.CompilerServices;
using SesAnalytics.Engine.Aws.Athena;
using SesAnalytics.Engine.Aws.Athena.Model;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Query.Athena;

/// <summary>
/// Runs one statement on Athena: starts it, polls until it ends (reporting state, time and data scanned), stops it when
/// the caller cancels, reports its cost, and streams the rows of every result page while the next page loads.
/// </summary>
public sealed class AthenaQueryRunner
{
    public const int ProgressActivityId = 2;
    private const string Activity = "Running the Athena query";

    private readonly IAthenaClient _client;
    private readonly IOutputSink _sink;

    public AthenaQueryRunner(IAthenaClient client, IOutputSink sink)
    {
        _client = client;
        _sink = sink;
    }

    public TimeSpan FirstPollDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxPollDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long StopQueryExecution may take once the user has stopped: the user's own token is cancelled by then.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public async IAsyncEnumerable<AthenaRow> RunAsync(
        AthenaStatement statement,
        string workGroup,
        string? database,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string id = await _client.StartQueryExecutionAsync(
            new StartQueryExecutionRequest(statement.Text)
            {
                ClientRequestToken = Guid.NewGuid().ToString("D"),
                WorkGroup = workGroup,
                QueryExecutionContext = database is null ? null : new QueryExecutionContext { Database = database },
                ExecutionParameters = statement.ExecutionParameters.Count == 0 ? null : statement.ExecutionParameters,
            },
            cancellationToken).ConfigureAwait(false);
        _sink.Verbose($"Athena query {id} started in work group '{workGroup}' with {statement.ExecutionParameters.Count} parameters.");

        QueryExecution execution = await WaitAsync(id, cancellationToken).ConfigureAwait(false);
        ReportCost(id, execution);

        // A SELECT's first row repeats the column names; DDL and utility statements return none.
        bool skipHeader = execution.StatementType is null or "DML";
        await foreach (GetQueryResultsResponse page in _client.GetAllQueryResultsAsync(id, AthenaClient.MaxPageSize, cancellationToken).ConfigureAwait(false))
        {
            IReadOnlyList<ColumnInfo> columns = page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? [];
            foreach (Row row in page.ResultSet?.Rows ?? [])
            {
                if (skipHeader)
                {
                    skipHeader = false;
                    continue;
                }

                yield return new AthenaRow(columns, row.Data.Select(d => d.VarCharValue).ToList());
            }

            skipHeader = false;
        }
    }

    private async Task<QueryExecution> WaitAsync(string id, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        TimeSpan delay = FirstPollDelay;
        try
        {
            while (true)
            {
                QueryExecution execution = await _client.GetQueryExecutionAsync(id, cancellationToken).ConfigureAwait(false);
                string state = execution.Status?.State ?? "QUEUED";
                long scanned = execution.Statistics?.DataScannedInBytes ?? 0;
                switch (state)
                {
                    case "SUCCEEDED":
                        _sink.Progress(new ProgressReport(ProgressActivityId, Activity, $"SUCCEEDED after {watch.Elapsed.TotalSeconds:0.0} s", 100, id, Completed: true));
                        return execution;
                    case "FAILED":
                        throw new SesAnalyticsException(
                            "AthenaQueryFailed",
                            ErrorKind.InvalidOperation,
                            $"The Athena query {id} failed: {Reason(execution)} Check the query, the work group and the table, then run it again.",
                            id);
                    case "CANCELLED":
                        throw new SesAnalyticsException(
                            "AthenaQueryCancelled",
                            ErrorKind.OperationStopped,
                            $"The Athena query {id} was cancelled outside this command (by a user or a work group limit): {Reason(execution)} Run it again if it is still needed.",
                            id);
                }

                _sink.Progress(new ProgressReport(
                    ProgressActivityId,
                    Activity,
                    $"{state}, {watch.Elapsed.TotalSeconds:0.0} s, {AthenaQueryCost.Size(scanned)} scanned",
                    CurrentOperation: id));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = delay * 2 < MaxPollDelay ? delay * 2 : MaxPollDelay;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await StopAsync(id).ConfigureAwait(false);
            throw;
        }
    }

    private async Task StopAsync(string id)
    {
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await _client.StopQueryExecutionAsync(id, timeout.Token).ConfigureAwait(false);
            _sink.Verbose($"Athena query {id} was asked to stop.");
        }
        catch (Exception error) when (error is SesAnalyticsException or OperationCanceledException or HttpRequestException)
        {
            _sink.Warning($"The Athena query {id} could not be stopped ({error.Message}); it may still run and be billed. Stop it in the Athena console.");
        }
    }

    private void ReportCost(string id, QueryExecution execution)
    {
        long scanned = execution.Statistics?.DataScannedInBytes ?? 0;
        AthenaQueryCost cost = AthenaQueryCost.Estimate(id, scanned);
        _sink.Verbose($"Athena query {id} scanned {scanned} bytes in {execution.Statistics?.TotalExecutionTimeInMillis ?? 0} ms.");
        _sink.Information(cost.ToString(), "Cost", "Athena");
    }

    private static string Reason(QueryExecution execution)
    {
        string reason = execution.Status?.StateChangeReason ?? execution.Status?.AthenaError?.ErrorMessage ?? "Athena gave no reason.";
        return reason.EndsWith('.') ? reason : reason + ".";
    }
}
