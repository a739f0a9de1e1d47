using System.Text.Json;
using SesAnalytics.Engine.Aws.Athena;
using SesAnalytics.Engine.Aws.Athena.Model;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Tests.Aws.Support;

namespace SesAnalytics.Engine.Tests.Aws.Conformance;

/// <summary>Every Athena operation the client builds, checked against botocore's athena model.</summary>
public sealed class AthenaConformanceTests
{
    private const string ExecutionId = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";
    private static readonly Uri Endpoint = new("https://athena.eu-west-1.amazonaws.com/");

    [SkippableFact]
    public async Task StartQueryExecution_matches_the_model_and_always_carries_a_token()
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        var model = ServiceModel.Load("athena");
        string sample = AwsJsonConformance.Sample(model, "StartQueryExecution", $$"""{"QueryExecutionId":"{{ExecutionId}}"}""");
        var (client, handler) = Create(_ => CapturingHandler.Json(sample));

        string id = await client.StartQueryExecutionAsync(
            new StartQueryExecutionRequest("SELECT * FROM bounces WHERE day = ?")
            {
                QueryExecutionContext = new QueryExecutionContext { Database = "ses_analytics", Catalog = "AwsDataCatalog" },
                ResultConfiguration = new ResultConfiguration
                {
                    OutputLocation = "s3://results-bucket/athena/",
                    EncryptionConfiguration = new EncryptionConfiguration("SSE_S3"),
                    ExpectedBucketOwner = "123456789012",
                },
                WorkGroup = "primary",
                ExecutionParameters = ["'2024-01-31'"],
            },
            default);

        CapturedRequest request = Assert.Single(handler.Requests);
        AwsJsonConformance.AssertRequest(model, request, "StartQueryExecution");
        Assert.Equal(ExecutionId, id);
        Assert.Equal(36, JsonDocument.Parse(request.Body).RootElement.GetProperty("ClientRequestToken").GetString()!.Length);
    }

    [SkippableFact]
    public async Task StartQueryExecution_with_only_the_query_omits_null_members()
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        var model = ServiceModel.Load("athena");
        var (client, handler) = Create(_ => CapturingHandler.Json($$"""{"QueryExecutionId":"{{ExecutionId}}"}"""));

        await client.StartQueryExecutionAsync(new StartQueryExecutionRequest("SELECT 1") { ClientRequestToken = new string('t', 32) }, default);

        AwsJsonConformance.AssertRequest(model, handler.Requests[0], "StartQueryExecution");
        Assert.Equal(
            ["ClientRequestToken", "QueryString"],
            JsonDocument.Parse(handler.Requests[0].Body).RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task GetQueryExecution_matches_the_model()
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        var model = ServiceModel.Load("athena");
        string sample = AwsJsonConformance.Sample(model, "GetQueryExecution", $$$"""
            {"QueryExecution":{"QueryExecutionId":"{{{ExecutionId}}}","Query":"SELECT 1","StatementType":"DML",
             "ResultConfiguration":{"OutputLocation":"s3://results-bucket/athena/{{{ExecutionId}}}.csv"},
             "QueryExecutionContext":{"Database":"ses_analytics","Catalog":"AwsDataCatalog"},
             "Status":{"State":"FAILED","StateChangeReason":"SYNTAX_ERROR","SubmissionDateTime":1706659200.5,"CompletionDateTime":1706659201,
                       "AthenaError":{"ErrorCategory":2,"ErrorType":1001,"Retryable":false,"ErrorMessage":"line 1:8: mismatched input"}},
             "Statistics":{"EngineExecutionTimeInMillis":120,"DataScannedInBytes":4096,"TotalExecutionTimeInMillis":250,"QueryQueueTimeInMillis":30},
             "WorkGroup":"primary"}}
            """);
        var (client, handler) = Create(_ => CapturingHandler.Json(sample));

        QueryExecution execution = await client.GetQueryExecutionAsync(ExecutionId, default);

        AwsJsonConformance.AssertRequest(model, Assert.Single(handler.Requests), "GetQueryExecution");
        Assert.Equal("FAILED", execution.Status!.State);
        Assert.Equal(1001, execution.Status.AthenaError!.ErrorType);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_706_659_200_500), execution.Status.SubmissionDateTime);
        Assert.Equal(4096, execution.Statistics!.DataScannedInBytes);
        Assert.Equal("ses_analytics", execution.QueryExecutionContext!.Database);
    }

    [SkippableFact]
    public async Task GetQueryResults_matches_the_model()
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        var model = ServiceModel.Load("athena");
        string sample = AwsJsonConformance.Sample(model, "GetQueryResults", Page(["email", "bounces"], [["a@example.com", "3"], ["b@example.com", null]], "token-2"));
        var (client, handler) = Create(_ => CapturingHandler.Json(sample));

        GetQueryResultsResponse page = await client.GetQueryResultsAsync(
            new GetQueryResultsRequest(ExecutionId) { MaxResults = 1000, NextToken = "token-1" }, default);

        AwsJsonConformance.AssertRequest(model, Assert.Single(handler.Requests), "GetQueryResults");
        Assert.Equal("token-2", page.NextToken);
        Assert.Equal(["email", "bounces"], page.ResultSet!.ResultSetMetadata!.ColumnInfo.Select(c => c.Name));
        Assert.Equal("3", page.ResultSet.Rows[1].Data[1].VarCharValue);
        Assert.Null(page.ResultSet.Rows[2].Data[1].VarCharValue);
    }

    [SkippableFact]
    public async Task StopQueryExecution_and_GetWorkGroup_match_the_model()
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        var model = ServiceModel.Load("athena");
        string workGroup = AwsJsonConformance.Sample(model, "GetWorkGroup", """
            {"WorkGroup":{"Name":"primary","State":"ENABLED","Description":"default","CreationTime":1600000000,
             "Configuration":{"ResultConfiguration":{"OutputLocation":"s3://results-bucket/athena/"},"EnforceWorkGroupConfiguration":true,
                              "PublishCloudWatchMetricsEnabled":false,"BytesScannedCutoffPerQuery":10000000000,"RequesterPaysEnabled":false}}}
            """);
        string stopped = AwsJsonConformance.Sample(model, "StopQueryExecution", "{}");
        var (client, handler) = Create(request => CapturingHandler.Json(request.Headers["X-Amz-Target"].EndsWith(".GetWorkGroup", StringComparison.Ordinal) ? workGroup : stopped));

        await client.StopQueryExecutionAsync(ExecutionId, default);
        WorkGroup group = await client.GetWorkGroupAsync("primary", default);

        AwsJsonConformance.AssertRequest(model, handler.Requests[0], "StopQueryExecution");
        AwsJsonConformance.AssertRequest(model, handler.Requests[1], "GetWorkGroup");
        Assert.Equal("s3://results-bucket/athena/", group.Configuration!.ResultConfiguration!.OutputLocation);
        Assert.True(group.Configuration.EnforceWorkGroupConfiguration);
        Assert.Equal(10_000_000_000, group.Configuration.BytesScannedCutoffPerQuery);
    }

    internal static string Page(string[] columns, string?[][] rows, string? nextToken)
    {
        var header = new[] { columns.Select(c => (string?)c).ToArray() }.Concat(rows);
        string Row(string?[] cells) => "{\"Data\":[" + string.Join(",", cells.Select(c => c is null ? "{}" : JsonSerializer.Serialize(new Dictionary<string, string> { ["VarCharValue"] = c }))) + "]}";
        string metadata = "{\"ColumnInfo\":[" + string.Join(",", columns.Select(c => $"{{\"Name\":\"{c}\",\"Type\":\"varchar\",\"Nullable\":\"UNKNOWN\"}}")) + "]}";
        return "{\"UpdateCount\":0,\"ResultSet\":{\"Rows\":[" + string.Join(",", header.Select(Row)) + "],\"ResultSetMetadata\":" + metadata + "}"
            + (nextToken is null ? string.Empty : $",\"NextToken\":\"{nextToken}\"") + "}";
    }

    private static (AthenaClient Client, CapturingHandler Handler) Create(Func<CapturedRequest, HttpResponseMessage> respond)
    {
        var handler = new CapturingHandler(respond);
        return (new AthenaClient(new AwsHttpClient(TestClients.Options("athena", "Athena", Endpoint, handler))), handler);
    }
}
