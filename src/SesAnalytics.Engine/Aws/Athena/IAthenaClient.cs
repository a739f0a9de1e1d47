using SesAnalytics.Engine.Aws.Athena.Model;

namespace SesAnalytics.Engine.Aws.Athena;

/// <summary>The Amazon Athena operations SesAnalytics uses; an official client can stand behind it one day.</summary>
public interface IAthenaClient
{
    /// <summary>Starts the query and returns its execution id.</summary>
    Task<string> StartQueryExecutionAsync(StartQueryExecutionRequest request, CancellationToken cancellationToken);

    Task<QueryExecution> GetQueryExecutionAsync(string queryExecutionId, CancellationToken cancellationToken);

    Task<GetQueryResultsResponse> GetQueryResultsAsync(GetQueryResultsRequest request, CancellationToken cancellationToken);

    /// <summary>Every page of the results; the next page is already loading while the caller works on the current one.</summary>
    IAsyncEnumerable<GetQueryResultsResponse> GetAllQueryResultsAsync(string queryExecutionId, int pageSize, CancellationToken cancellationToken);

    Task StopQueryExecutionAsync(string queryExecutionId, CancellationToken cancellationToken);

    Task<WorkGroup> GetWorkGroupAsync(string workGroup, CancellationToken cancellationToken);
}
