using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using SesAnalytics.Fakes.Stack;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace SesAnalytics.Tests.Shared;

/// <summary>
/// Athena's awsJson1_1 wire protocol on 127.0.0.1: one query, whose states, statistics and result pages a test sets.
/// It records every request with its X-Amz-Target and Authorization header, and answers only signed Athena calls.
/// </summary>
internal sealed class AthenaFake : IDisposable
{
    public const string ExecutionId = "11111111-2222-3333-4444-555555555555";
    private readonly WireMockServer _server = WireMockServer.Start();
    private List<JsonObject> _pages = [Page([], [], [], null)];
    private int _polls;

    public AthenaFake()
    {
        _server.Given(Request.Create().WithPath("/").UsingPost())
            .RespondWith(Response.Create().WithCallback(Answer));
        // The bucket's identity prefixes (path-style ListObjectsV2), for identity patterns in the cloud set.
        _server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/*")).UsingGet())
            .RespondWith(Response.Create().WithCallback(Answer));
    }

    public Uri Endpoint => new($"http://127.0.0.1:{_server.Port}/");

    public ConcurrentQueue<AthenaCall> Calls { get; } = new();

    /// <summary>The state of the query at each GetQueryExecution, by the poll's number (0 first).</summary>
    public Func<int, string> StateAt { get; set; } = _ => "SUCCEEDED";

    public string? StateChangeReason { get; set; }

    public long DataScannedInBytes { get; set; } = 1234;

    public IEnumerable<AthenaCall> CallsTo(string operation) => Calls.Where(c => c.Operation == operation);

    /// <summary>The results: the header row (the column names) first, as Athena returns a SELECT's, then pages of 1,000 rows.</summary>
    public void SetResults(IReadOnlyList<string> columns, IReadOnlyList<string> types, IEnumerable<IReadOnlyList<string?>> rows, int pageSize = 1000)
    {
        List<IReadOnlyList<string?>> all = [columns.Cast<string?>().ToList(), .. rows];
        IReadOnlyList<string?>[][] chunks = all.Chunk(pageSize).ToArray();
        _pages = chunks.Select((chunk, i) => Page(columns, types, chunk, i + 1 < chunks.Length ? $"page-{i + 1}" : null)).ToList();
    }

    /// <summary>The AWS parameters that point a command at this fake, as a user types them.</summary>
    public string AwsParameters => $"-EndpointUrl {Endpoint} -AccessKey AKIDEXAMPLE -SecretKey wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY -Region us-east-1";

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    /// <summary>The identity prefixes the fake bucket holds under partitioned/.</summary>
    public IReadOnlyList<string> BucketIdentities { get; set; } = ["example.com"];

    public const string Bucket = "ses-events-fake";

    private IResponseMessage Answer(IRequestMessage request)
    {
        if (request.Method == "GET")
        {
            Calls.Enqueue(new AthenaCall("S3:ListObjectsV2 " + request.Path, Header(request, "Authorization") ?? string.Empty, string.Empty, default));
            return ListIdentities();
        }

        if (StackFake.IsCloudFormation(Header(request, "Content-Type")))
        {
            Calls.Enqueue(new AthenaCall("CloudFormation:" + request.Body, Header(request, "Authorization") ?? string.Empty, string.Empty, default));
            return DescribeStack(request.Body ?? string.Empty);
        }

        string target = Header(request, "X-Amz-Target") ?? string.Empty;
        string operation = target.StartsWith("AmazonAthena.", StringComparison.Ordinal) ? target["AmazonAthena.".Length..] : target;
        JsonElement body = JsonDocument.Parse(string.IsNullOrEmpty(request.Body) ? "{}" : request.Body).RootElement.Clone();
        Calls.Enqueue(new AthenaCall(operation, Header(request, "Authorization") ?? string.Empty, Header(request, "Content-Type") ?? string.Empty, body));
        return operation switch
        {
            "StartQueryExecution" => Json(new JsonObject { ["QueryExecutionId"] = ExecutionId }),
            "GetQueryExecution" => Json(Execution(StateAt(Interlocked.Increment(ref _polls) - 1))),
            "GetQueryResults" => Json(_pages[body.TryGetProperty("NextToken", out JsonElement token) ? int.Parse(token.GetString()!["page-".Length..]) : 0].DeepClone()),
            "StopQueryExecution" => Json(new JsonObject()),
            "GetWorkGroup" => Json(new JsonObject
            {
                ["WorkGroup"] = new JsonObject
                {
                    ["Name"] = body.GetProperty("WorkGroup").GetString(),
                    ["Configuration"] = new JsonObject { ["ResultConfiguration"] = new JsonObject { ["OutputLocation"] = $"s3://{Bucket}/athena-results/" } },
                },
            }),
            _ => new ResponseMessage { StatusCode = 400, BodyData = Text("""{"__type":"UnknownOperationException"}""") },
        };
    }

    /// <summary>The stack the -StackName set reads its work group, database, table and bucket from (any name will do).</summary>
    public const string StackName = "ses-analytics-fake";

    public StackFake Stack { get; } = new(null, new Dictionary<string, string>
    {
        ["WorkGroup"] = "stack-wg",
        ["GlueDatabase"] = "sesanalytics",
        ["GlueTable"] = "events",
        ["GlueLinesTable"] = "events_lines",
        ["BucketName"] = Bucket,
    });

    /// <summary>False: the stack was deployed by a version without the lines table (no GlueLinesTable output).</summary>
    public bool StackHasLinesTable
    {
        get => Stack.Outputs.ContainsKey("GlueLinesTable");
        set
        {
            if (value)
            {
                Stack.Outputs["GlueLinesTable"] = "events_lines";
            }
            else
            {
                Stack.Outputs.Remove("GlueLinesTable");
            }
        }
    }

    private ResponseMessage DescribeStack(string body)
    {
        (int status, string xml) = Stack.Answer(body);
        var response = new ResponseMessage { StatusCode = status, BodyData = Text(xml) };
        response.AddHeader("Content-Type", "text/xml");
        return response;
    }

    private ResponseMessage ListIdentities()
    {
        string prefixes = string.Concat(BucketIdentities.Select(i => $"<CommonPrefixes><Prefix>partitioned/{System.Security.SecurityElement.Escape(i)}/</Prefix></CommonPrefixes>"));
        var response = new ResponseMessage
        {
            StatusCode = 200,
            BodyData = Text(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" +
                $"<Name>{Bucket}</Name><Prefix>partitioned/</Prefix><Delimiter>/</Delimiter><KeyCount>{BucketIdentities.Count}</KeyCount>" +
                $"<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>{prefixes}</ListBucketResult>"),
        };
        response.AddHeader("Content-Type", "application/xml");
        return response;
    }

    private JsonObject Execution(string state) => new()
    {
        ["QueryExecution"] = new JsonObject
        {
            ["QueryExecutionId"] = ExecutionId,
            ["StatementType"] = "DML",
            ["Status"] = new JsonObject { ["State"] = state, ["StateChangeReason"] = StateChangeReason },
            ["Statistics"] = new JsonObject { ["DataScannedInBytes"] = DataScannedInBytes, ["TotalExecutionTimeInMillis"] = 850 },
        },
    };

    private static JsonObject Page(IReadOnlyList<string> columns, IReadOnlyList<string> types, IEnumerable<IReadOnlyList<string?>> rows, string? nextToken)
    {
        var page = new JsonObject
        {
            ["ResultSet"] = new JsonObject
            {
                ["Rows"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
                {
                    ["Data"] = new JsonArray(r.Select(v => (JsonNode)(v is null ? new JsonObject() : new JsonObject { ["VarCharValue"] = v })).ToArray()),
                }).ToArray()),
                ["ResultSetMetadata"] = new JsonObject
                {
                    ["ColumnInfo"] = new JsonArray(columns.Select((c, i) => (JsonNode)new JsonObject { ["Name"] = c, ["Label"] = c, ["Type"] = types[i] }).ToArray()),
                },
            },
        };
        if (nextToken is not null)
        {
            page["NextToken"] = nextToken;
        }

        return page;
    }

    private static ResponseMessage Json(JsonNode node)
    {
        var response = new ResponseMessage { StatusCode = 200, BodyData = Text(node.ToJsonString()) };
        response.AddHeader("Content-Type", "application/x-amz-json-1.1");
        return response;
    }

    private static BodyData Text(string text) => new() { BodyAsString = text, DetectedBodyType = BodyType.String };

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}

internal sealed record AthenaCall(string Operation, string Authorization, string ContentType, JsonElement Body);
