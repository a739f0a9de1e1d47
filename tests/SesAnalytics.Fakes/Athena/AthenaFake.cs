using System.Collections;
using System.Collections.Concurrent;
using System.Net;
using System.Security;
using System.Text.Json;
using System.Text.Json.Nodes;
using SesAnalytics.Fakes.Stack;

namespace SesAnalytics.Fakes.Athena;

/// <summary>
/// Athena's awsJson1_1 protocol on 127.0.0.1 for query executions whose states, statistics and result pages a test
/// sets; beside it, the two other calls the cloud query commands make on the same endpoint: the stack's DescribeStacks
/// (CloudFormation) and the event bucket's identity prefixes (a delimited, path-style ListObjectsV2). Every request is
/// recorded; an Athena call without a SigV4 signature is refused as AWS refuses it.
/// </summary>
public sealed class AthenaFake : LoopbackServer
{
    /// <summary>The id of the first query execution; the next ones count up from it (...-555555555556).</summary>
    public const string ExecutionId = "11111111-2222-3333-4444-555555555555";

    /// <summary>
    /// The stack the -StackName set reads its work group, database, tables and bucket from (the name the help examples
    /// use); any other name does not exist.
    /// </summary>
    public const string StackName = "ses-analytics";

    /// <summary>The event bucket: the stack's BucketName output and the work group's result bucket.</summary>
    public const string Bucket = "ses-events-fake";

    private const int MaxPageSize = 1000;
    private const long FirstExecution = 555555555555;
    private readonly List<List<JsonObject>> _results = [[Page([], [], [], null)]];
    private readonly ConcurrentDictionary<string, int> _polls = new(StringComparer.Ordinal);
    private int _executions;

    /// <summary>
    /// The state each GetQueryExecution of an execution answers, in order; the last one repeats. ["QUEUED", "RUNNING",
    /// "SUCCEEDED"] plays a query that runs for two polls, ["RUNNING"] one that never ends.
    /// </summary>
    public string[] States { get; set; } = ["SUCCEEDED"];

    /// <summary>Athena's reason for a FAILED or CANCELLED state.</summary>
    public string? StateChangeReason { get; set; }

    public long DataScannedInBytes { get; set; } = 1234;

    /// <summary>The identity prefixes the bucket holds under partitioned/.</summary>
    public string[] BucketIdentities { get; set; } = ["example.com"];

    public StackFake Stack { get; } = new(StackName, new Dictionary<string, string>
    {
        ["WorkGroup"] = "stack-wg",
        ["GlueDatabase"] = "sesanalytics",
        ["GlueTable"] = "events",
        ["GlueLinesTable"] = "events_lines",
        ["BucketName"] = Bucket,
    });

    /// <summary>False plays a stack deployed by a version without the lines table (no GlueLinesTable output).</summary>
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

    /// <summary>
    /// The operation a request asked for: Athena's by its name (StartQueryExecution), the others prefixed by their
    /// service (CloudFormation:DescribeStacks, S3:ListObjectsV2).
    /// </summary>
    public static string OperationOf(FakeRequest request)
    {
        if (request.Target is { } target)
        {
            return target.StartsWith("AmazonAthena.", StringComparison.Ordinal) ? target["AmazonAthena.".Length..] : target;
        }

        if (StackFake.IsCloudFormation(request.ContentType))
        {
            return "CloudFormation:" + request.Form.GetValueOrDefault("Action");
        }

        return request.Method == "GET" && request.QueryParameters.ContainsKey("list-type") ? "S3:ListObjectsV2" : request.Method + " " + request.Path;
    }

    /// <summary>A request's JSON body (Athena's requests), for assertions in C#; PowerShell uses ConvertFrom-Json.</summary>
    public static JsonElement JsonBody(FakeRequest request) =>
        JsonDocument.Parse(string.IsNullOrEmpty(request.Body) ? "{}" : request.Body).RootElement.Clone();

    /// <summary>The requests for one operation (named as <see cref="OperationOf"/> names it), in arrival order.</summary>
    public FakeRequest[] CallsTo(string operation) => Requests.Where(r => OperationOf(r) == operation).ToArray();

    /// <summary>
    /// The results of every execution: the header row (the column names) first, as Athena returns a SELECT's, then the
    /// rows, in pages of <paramref name="pageSize"/> rows (1,000, Athena's largest, by default). Each row is a list of
    /// values, sent as their invariant text; a null is SQL NULL. From PowerShell: <c>$fake.SetResults(@('n', 'word'),
    /// @('integer', 'varchar'), @(@(1, 'one'), @(2, $null)))</c>, or <c>@(, @(1, 'one'))</c> for a single row.
    /// </summary>
    public void SetResults(string[] columns, string[] types, IEnumerable rows, int pageSize = MaxPageSize)
    {
        List<JsonObject> pages = Pages(columns, types, rows, pageSize);
        lock (_results)
        {
            _results.Clear();
            _results.Add(pages);
        }
    }

    /// <summary>
    /// Results for the next execution, as <see cref="SetResults"/> takes them: the first call after SetResults (or
    /// none) gives the second execution its own, and so on; the executions after the last results set repeat it.
    /// </summary>
    public void AddResults(string[] columns, string[] types, IEnumerable rows, int pageSize = MaxPageSize)
    {
        List<JsonObject> pages = Pages(columns, types, rows, pageSize);
        lock (_results)
        {
            _results.Add(pages);
        }
    }

    protected override void Handle(FakeRequest request, HttpListenerResponse response)
    {
        string operation = OperationOf(request);
        if (operation.StartsWith("CloudFormation:", StringComparison.Ordinal))
        {
            (int status, string xml) = Stack.Answer(request.Body);
            Write(response, status, "text/xml", xml);
            return;
        }

        if (operation == "S3:ListObjectsV2")
        {
            Write(response, 200, "application/xml", ListIdentities(request.Path.Trim('/')));
            return;
        }

        if (request.Target is null)
        {
            Write(response, 400, "application/xml", "<Error><Code>InvalidRequest</Code><Message>This fake serves Athena, DescribeStacks and ListObjectsV2 only.</Message></Error>");
            return;
        }

        if (!request.Authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            Write(response, 403, "application/x-amz-json-1.1", Error("MissingAuthenticationTokenException", "Missing Authentication Token"));
            return;
        }

        JsonElement body = JsonBody(request);
        string? id = body.TryGetProperty("QueryExecutionId", out JsonElement given) ? given.GetString() : null;
        int execution = id is null ? -1 : IndexOf(id);
        if (id is not null && (execution < 0 || execution >= Volatile.Read(ref _executions)))
        {
            Write(response, 400, "application/x-amz-json-1.1", Error("InvalidRequestException", $"QueryExecution {id} was not found"));
            return;
        }

        switch (operation)
        {
            case "StartQueryExecution":
                int started = Interlocked.Increment(ref _executions) - 1;
                Json(response, new JsonObject { ["QueryExecutionId"] = IdOf(started) });
                break;
            case "GetQueryExecution":
                int poll = _polls.AddOrUpdate(id!, 0, (_, polls) => polls + 1);
                string[] states = States.Length == 0 ? ["SUCCEEDED"] : States;
                Json(response, Execution(id!, states[Math.Min(poll, states.Length - 1)]));
                break;
            case "GetQueryResults" when body.TryGetProperty("MaxResults", out JsonElement max) && max.GetInt32() > MaxPageSize:
                Write(response, 400, "application/x-amz-json-1.1", Error("InvalidRequestException", "MaxResults is more than the maximum allowed length 1000."));
                break;
            case "GetQueryResults":
                int page = body.TryGetProperty("NextToken", out JsonElement token) ? int.Parse(token.GetString()!["page-".Length..], System.Globalization.CultureInfo.InvariantCulture) : 0;
                JsonObject answer;
                lock (_results)
                {
                    answer = (JsonObject)_results[Math.Min(execution, _results.Count - 1)][page].DeepClone();
                }

                Json(response, answer);
                break;
            case "StopQueryExecution":
                Json(response, new JsonObject());
                break;
            case "GetWorkGroup":
                Json(response, new JsonObject
                {
                    ["WorkGroup"] = new JsonObject
                    {
                        ["Name"] = body.GetProperty("WorkGroup").GetString(),
                        ["State"] = "ENABLED",
                        ["Configuration"] = new JsonObject { ["ResultConfiguration"] = new JsonObject { ["OutputLocation"] = $"s3://{Bucket}/athena-results/" } },
                    },
                });
                break;
            default:
                Write(response, 400, "application/x-amz-json-1.1", Error("UnknownOperationException", $"This fake does not serve {operation}."));
                break;
        }
    }

    private static List<JsonObject> Pages(string[] columns, string[] types, IEnumerable rows, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(types.Length, columns.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        List<IReadOnlyList<string?>> all = [columns];
        foreach (object? row in rows)
        {
            if (row is string or not IEnumerable)
            {
                throw new ArgumentException($"Each row is a list of values, not {row?.GetType().Name ?? "null"}.", nameof(rows));
            }

            all.Add(((IEnumerable)row).Cast<object?>().Select(Text).ToList());
        }

        IReadOnlyList<string?>[][] chunks = all.Chunk(pageSize).ToArray();
        return chunks.Select((chunk, i) => Page(columns, types, chunk, i + 1 < chunks.Length ? $"page-{i + 1}" : null)).ToList();
    }

    private static string IdOf(int execution) => $"11111111-2222-3333-4444-{FirstExecution + execution}";

    private static int IndexOf(string executionId) =>
        executionId.StartsWith("11111111-2222-3333-4444-", StringComparison.Ordinal)
            && long.TryParse(executionId.AsSpan("11111111-2222-3333-4444-".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long number)
            && number - FirstExecution is >= 0 and < int.MaxValue
                ? (int)(number - FirstExecution)
                : -1;

    private string ListIdentities(string bucket)
    {
        string prefixes = string.Concat(BucketIdentities.Select(i => $"<CommonPrefixes><Prefix>partitioned/{SecurityElement.Escape(i)}/</Prefix></CommonPrefixes>"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" +
            $"<Name>{SecurityElement.Escape(bucket)}</Name><Prefix>partitioned/</Prefix><Delimiter>/</Delimiter><KeyCount>{BucketIdentities.Length}</KeyCount>" +
            $"<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>{prefixes}</ListBucketResult>";
    }

    private JsonObject Execution(string id, string state) => new()
    {
        ["QueryExecution"] = new JsonObject
        {
            ["QueryExecutionId"] = id,
            ["StatementType"] = "DML",
            ["Status"] = new JsonObject { ["State"] = state, ["StateChangeReason"] = StateChangeReason },
            ["Statistics"] = new JsonObject { ["DataScannedInBytes"] = DataScannedInBytes, ["TotalExecutionTimeInMillis"] = 850 },
        },
    };

    private static JsonObject Page(string[] columns, string[] types, IEnumerable<IReadOnlyList<string?>> rows, string? nextToken)
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

    private static string? Text(object? value) => value switch
    {
        null => null,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static void Json(HttpListenerResponse response, JsonNode node) =>
        Write(response, 200, "application/x-amz-json-1.1", node.ToJsonString());

    private static string Error(string type, string message) =>
        new JsonObject { ["__type"] = type, ["Message"] = message }.ToJsonString();
}
