using System.Runtime.CompilerServices;
using SesAnalytics.Engine.Aws.Athena.Model;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.Protocol;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Aws.Athena;

/// <summary>
/// Amazon Athena over awsJson1_1 (<c>AmazonAthena</c>). Every call is safe to retry: reads and StopQueryExecution by
/// nature, StartQueryExecution because it always carries a ClientRequestToken (Athena runs a token's query once).
/// </summary>
public sealed class AthenaClient : IAthenaClient
{
    public const string TargetPrefix = "AmazonAthena";
    public const int MaxPageSize = 1000;

    private readonly AwsJsonProtocol _protocol;

    public AthenaClient(AwsHttpClient http)
    {
        _protocol = new AwsJsonProtocol(http, TargetPrefix);
    }

    public async Task<string> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken)
    {
        StartQueryExecutionRequest withToken = request.ClientRequestToken is null
            ? request with { ClientRequestToken = Guid.NewGuid().ToString("D") }
            : request;
        StartQueryExecutionResponse response = await _protocol.InvokeAsync(
            "StartQueryExecution",
            withToken,
            AthenaJsonContext.Default.StartQueryExecutionRequest,
            AthenaJsonContext.Default.StartQueryExecutionResponse,
            idempotent: true,
            cancellationToken).ConfigureAwait(false);
        return response.QueryExecutionId;
    }

    public async Task<QueryExecution> GetQueryExecutionAsync(string queryExecutionId, CancellationToken cancellationToken)
    {
        GetQueryExecutionResponse response = await _protocol.InvokeAsync(
            "GetQueryExecution",
            new GetQueryExecutionRequest(queryExecutionId),
            AthenaJsonContext.Default.GetQueryExecutionRequest,
            AthenaJsonContext.Default.GetQueryExecutionResponse,
            idempotent: true,
            cancellationToken).ConfigureAwait(false);
        return response.QueryExecution;
    }

    public Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken)
    {
        if (request.MaxResults is < 1 or > MaxPageSize)
        {
            throw new InvalidInputException(
                "AthenaPageSizeOutOfRange",
                $"A page of Athena results holds 1 to {MaxPageSize} rows, not {request.MaxResults}. Choose a page size in that range.",
                request.MaxResults);
        }

        return _protocol.InvokeAsync(
            "GetQueryResults",
            request,
            AthenaJsonContext.Default.GetQueryResultsRequest,
            AthenaJsonContext.Default.GetQueryResultsResponse,
            idempotent: true,
            cancellationToken);
    }

    public async IAsyncEnumerable<GetQueryResultsResponse> GetAllQueryResultsAsync(
        string queryExecutionId,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<GetQueryResultsResponse>? next = GetQueryResultsAsync(
            new GetQueryResultsRequest(queryExecutionId) { MaxResults = pageSize }, prefetch.Token);
        try
        {
            while (next is not null)
            {
                GetQueryResultsResponse page = await next.ConfigureAwait(false);
                next = page.NextToken is null
                    ? null
                    : GetQueryResultsAsync(new GetQueryResultsRequest(queryExecutionId) { MaxResults = pageSize, NextToken = page.NextToken }, prefetch.Token);
                yield return page;
            }
        }
        finally
        {
            if (next is not null)
            {
                // The caller stopped early: cancel the page nobody will read and observe its end.
                await prefetch.CancelAsync().ConfigureAwait(false);
                await next.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    public Task StopQueryExecutionAsync(string queryExecutionId, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync(
            "StopQueryExecution",
            new StopQueryExecutionRequest(queryExecutionId),
            AthenaJsonContext.Default.StopQueryExecutionRequest,
            AthenaJsonContext.Default.StopQueryExecutionResponse,
            idempotent: true,
            cancellationToken);

    public async Task<WorkGroup> GetWorkGroupAsync(string workGroup, CancellationToken cancellationToken)
    {
        GetWorkGroupResponse response = await _protocol.InvokeAsync(
            "GetWorkGroup",
            new GetWorkGroupRequest(workGroup),
            AthenaJsonContext.Default.GetWorkGroupRequest,
            AthenaJsonContext.Default.GetWorkGroupResponse,
            idempotent: true,
            cancellationToken).ConfigureAwait(false);
        return response.WorkGroup;
    }
}
