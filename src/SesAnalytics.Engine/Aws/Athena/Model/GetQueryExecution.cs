using System.Text.Json.Serialization;
using SesAnalytics.Engine.Aws.Protocol;

namespace SesAnalytics.Engine.Aws.Athena.Model;

public sealed record GetQueryExecutionRequest(string QueryExecutionId);

public sealed record GetQueryExecutionResponse(QueryExecution QueryExecution);

public sealed record QueryExecution
{
    public string QueryExecutionId { get; init; } = string.Empty;

    public string? Query { get; init; }

    public string? StatementType { get; init; }

    public ResultConfiguration? ResultConfiguration { get; init; }

    public QueryExecutionContext? QueryExecutionContext { get; init; }

    public QueryExecutionStatus? Status { get; init; }

    public QueryExecutionStatistics? Statistics { get; init; }

    public string? WorkGroup { get; init; }

    public IReadOnlyList<string>? ExecutionParameters { get; init; }
}

public sealed record QueryExecutionStatus
{
    /// <summary>QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED.</summary>
    public string? State { get; init; }

    public string? StateChangeReason { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? SubmissionDateTime { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CompletionDateTime { get; init; }

    public AthenaError? AthenaError { get; init; }
}

public sealed record AthenaError
{
    public int? ErrorCategory { get; init; }

    public int? ErrorType { get; init; }

    public bool? Retryable { get; init; }

    public string? ErrorMessage { get; init; }
}

public sealed record QueryExecutionStatistics
{
    public long? EngineExecutionTimeInMillis { get; init; }

    public long? DataScannedInBytes { get; init; }

    public long? TotalExecutionTimeInMillis { get; init; }

    public long? QueryQueueTimeInMillis { get; init; }
}
