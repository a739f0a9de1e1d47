using System.Collections.Concurrent;
using System.Net;
using System.Security;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace SesAnalytics.Module.Tests.Deployment;

/// <summary>
/// CloudFormation (awsQuery, POST /) and SES v2 (restJson1, under /v2/email/) on one 127.0.0.1 server. CloudFormation is
/// scripted poll by poll: after an operation starts, each DescribeStackEvents reveals the next batch of events and each
/// DescribeStacks the next status. SES keeps configuration sets, destinations and identities in memory.
/// </summary>
internal sealed class AwsFake : IDisposable
{
    private const string Namespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private const string StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/ses-analytics/1";

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly List<string> _events = [];
    private readonly object _lock = new();

    public AwsFake()
    {
        _server.Given(Request.Create().WithPath("/").UsingPost()).RespondWith(Response.Create().WithCallback(Answer));
        _server.Given(Request.Create().WithPath(new WildcardMatcher("/v2/email/*"))).RespondWith(Response.Create().WithCallback(Ses.Answer));
    }

    public SesV2Fake Ses { get; } = new();

    public ConcurrentQueue<string> Actions { get; } = new();

    public bool Exists { get; set; }

    public bool NoChanges { get; set; }

    public Queue<string> Statuses { get; } = new();

    public Queue<(string LogicalId, string Status, string? Reason)[]> EventBatches { get; } = new();

    public string Parameters => $"-EndpointUrl http://127.0.0.1:{_server.Port} -AccessKey AKIDEXAMPLE -SecretKey wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY -Region us-east-1";

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private bool Started => Actions.Any(a => a is "CreateStack" or "ExecuteChangeSet" or "DeleteStack");

    private ResponseMessage Answer(IRequestMessage request)
    {
        Dictionary<string, string> form = (request.Body ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => p.Length > 1 ? WebUtility.UrlDecode(p[1]) : string.Empty);
        string action = form["Action"];
        Actions.Enqueue(action);
        lock (_lock)
        {
            return action switch
            {
                "DescribeStacks" => DescribeStacks(form.GetValueOrDefault("StackName")),
                "CreateStack" => Create(),
                "CreateChangeSet" => Ok(action, $"<Id>cs-1</Id><StackId>{StackId}</StackId>"),
                "DescribeChangeSet" => Ok(action, ChangeSet()),
                "DescribeStackEvents" => Ok(action, Events()),
                "DescribeStackResources" => Ok(action,
                    "<StackResources><member><LogicalResourceId>EventsBucket</LogicalResourceId><ResourceType>AWS::S3::Bucket</ResourceType>" +
                    "<Timestamp>2026-01-31T08:31:00Z</Timestamp><ResourceStatus>CREATE_COMPLETE</ResourceStatus></member></StackResources>"),
                _ => Ok(action, string.Empty),
            };
        }
    }

    private ResponseMessage Create()
    {
        Exists = true;
        return Ok("CreateStack", $"<StackId>{StackId}</StackId>");
    }

    private ResponseMessage DescribeStacks(string? stackName)
    {
        if (stackName is not null && !Exists)
        {
            return Xml(400, $"<ErrorResponse xmlns=\"{Namespace}\"><Error><Type>Sender</Type><Code>ValidationError</Code>" +
                $"<Message>Stack with id {SecurityElement.Escape(stackName)} does not exist</Message></Error><RequestId>rid</RequestId></ErrorResponse>");
        }

        string status = !Started ? "CREATE_COMPLETE" : Statuses.Count > 1 ? Statuses.Dequeue() : Statuses.Count > 0 ? Statuses.Peek() : "CREATE_COMPLETE";
        string ours = Stack("ses-analytics", StackId, status, managed: true);
        string stacks = stackName is null
            ? ours + Stack("someone-else", "arn:aws:cloudformation:us-east-1:123456789012:stack/someone-else/2", "CREATE_COMPLETE", managed: false)
            : Exists ? ours : string.Empty;
        return Ok("DescribeStacks", $"<Stacks>{stacks}</Stacks>");
    }

    private static string Stack(string name, string id, string status, bool managed) =>
        $"<member><StackId>{id}</StackId><StackName>{name}</StackName><StackStatus>{status}</StackStatus>" +
        "<CreationTime>2026-01-31T08:30:00Z</CreationTime><Outputs>" +
        "<member><OutputKey>BucketName</OutputKey><OutputValue>ses-analytics-bucket</OutputValue></member>" +
        "<member><OutputKey>DeliveryStreamName</OutputKey><OutputValue>ses-analytics</OutputValue></member>" +
        "<member><OutputKey>DeliveryStreamArn</OutputKey><OutputValue>arn:aws:firehose:us-east-1:123456789012:deliverystream/ses-analytics</OutputValue></member>" +
        "<member><OutputKey>SesRoleArn</OutputKey><OutputValue>arn:aws:iam::123456789012:role/ses-analytics-SesRole</OutputValue></member>" +
        "<member><OutputKey>WorkGroup</OutputKey><OutputValue>ses-analytics</OutputValue></member></Outputs><Tags>" +
        (managed ? "<member><Key>sesanalytics:managed-by</Key><Value>SesAnalytics</Value></member>" : "<member><Key>team</Key><Value>web</Value></member>") +
        "</Tags></member>";

    private string ChangeSet() => NoChanges
        ? $"<ChangeSetName>cs</ChangeSetName><StackId>{StackId}</StackId><StackName>ses-analytics</StackName><Status>FAILED</Status>" +
          "<StatusReason>The submitted information didn't contain changes. Submit different information to create a change set.</StatusReason><Changes></Changes>"
        : $"<ChangeSetName>cs</ChangeSetName><StackId>{StackId}</StackId><StackName>ses-analytics</StackName><Status>CREATE_COMPLETE</Status>" +
          "<ExecutionStatus>AVAILABLE</ExecutionStatus><Changes><member><Type>Resource</Type><ResourceChange><Action>Add</Action>" +
          "<LogicalResourceId>EventsBucket</LogicalResourceId><ResourceType>AWS::S3::Bucket</ResourceType></ResourceChange></member>" +
          "<member><Type>Resource</Type><ResourceChange><Action>Modify</Action><LogicalResourceId>DeliveryStream</LogicalResourceId>" +
          "<ResourceType>AWS::KinesisFirehose::DeliveryStream</ResourceType><Replacement>False</Replacement></ResourceChange></member></Changes>";

    private string Events()
    {
        if (Started && EventBatches.TryDequeue(out var batch))
        {
            foreach ((string logicalId, string status, string? reason) in batch)
            {
                _events.Insert(0,
                    $"<member><StackId>{StackId}</StackId><EventId>e{_events.Count + 1}</EventId><StackName>ses-analytics</StackName>" +
                    $"<LogicalResourceId>{logicalId}</LogicalResourceId><ResourceType>AWS::Test</ResourceType><Timestamp>2026-01-31T08:31:00Z</Timestamp>" +
                    $"<ResourceStatus>{status}</ResourceStatus>{(reason is null ? string.Empty : $"<ResourceStatusReason>{SecurityElement.Escape(reason)}</ResourceStatusReason>")}</member>");
            }
        }

        return "<StackEvents>" + string.Concat(_events) + "</StackEvents>";
    }

    private static ResponseMessage Ok(string operation, string inner) => Xml(200,
        $"<{operation}Response xmlns=\"{Namespace}\"><{operation}Result>{inner}</{operation}Result>" +
        $"<ResponseMetadata><RequestId>rid-{operation}</RequestId></ResponseMetadata></{operation}Response>");

    internal static ResponseMessage Xml(int status, string body) => Reply(status, "text/xml", body);

    internal static ResponseMessage Reply(int status, string contentType, string body, string? errorType = null) => new()
    {
        StatusCode = status,
        Headers = errorType is null
            ? new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) }
            : new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType), ["x-amzn-ErrorType"] = new(errorType) },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
    };
}
