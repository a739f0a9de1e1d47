namespace SesAnalytics.Engine.Aws.Athena.Model;

public sealed record StopQueryExecutionRequest(string QueryExecutionId);

public sealed record StopQueryExecutionResponse;
