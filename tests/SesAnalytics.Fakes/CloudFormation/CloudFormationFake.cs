using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security;
using System.Text.Json;
using SesAnalytics.Fakes.SesV2;

namespace SesAnalytics.Fakes.CloudFormation;

/// <summary>
/// CloudFormation (awsQuery: form-encoded <c>POST /</c>, XML answers) for one stack, scripted poll by poll: once an
/// operation started (CreateStack, ExecuteChangeSet, DeleteStack), each DescribeStacks takes the next of
/// <see cref="Statuses"/> (the last one stays) and each DescribeStackEvents reveals the next of
/// <see cref="EventBatches"/>. Resources and their types are the module's template's (the one the module sent, once it
/// sent one), so the Firehose, Glue and Athena resources moto cannot model are reported as the template declares them. The module calls every service at
/// the one -EndpointUrl, so SES v2 (under <c>/v2/email/</c>) is answered here too, by <see cref="Ses"/>.
/// Every setting is data a PowerShell test sets before the call; nothing calls back into the test.
/// </summary>
public sealed class CloudFormationFake : LoopbackServer
{
    private const string Namespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private const string EventTime = "2026-01-31T08:31:00Z";

    private readonly object _lock = new();
    private readonly List<string> _events = [];
    private Dictionary<string, string>? _changeSetTags;
    private Dictionary<string, string>? _changeSetResources;
    private string? _operation;

    public string StackName { get; set; } = "ses-analytics";

    public string StackId => $"arn:aws:cloudformation:us-east-1:123456789012:stack/{StackName}/1";

    /// <summary>Whether the stack exists before the test's command runs; CreateStack makes it exist.</summary>
    public bool Exists { get; set; }

    /// <summary>The stack's status until an operation starts (ROLLBACK_COMPLETE plays a creation that rolled back).</summary>
    public string InitialStatus { get; set; } = "CREATE_COMPLETE";

    /// <summary>The statuses DescribeStacks answers once an operation started, one per call; the last one stays.</summary>
    public ConcurrentQueue<string> Statuses { get; } = new();

    /// <summary>
    /// The resource events each DescribeStackEvents reveals once an operation started, one batch per call. An event is
    /// "LogicalId STATUS" or "LogicalId STATUS reason": see <see cref="AddEventBatch"/>.
    /// </summary>
    public ConcurrentQueue<string[]> EventBatches { get; } = new();

    /// <summary>The statuses DescribeChangeSet answers before its final one, one per call (CREATE_PENDING, CREATE_IN_PROGRESS).</summary>
    public ConcurrentQueue<string> ChangeSetStatuses { get; } = new();

    /// <summary>The change set changes nothing: it ends FAILED with the reason CloudFormation gives for that.</summary>
    public bool NoChanges { get; set; }

    /// <summary>When set, the change set ends FAILED with this reason.</summary>
    public string? ChangeSetFailureReason { get; set; }

    /// <summary>What the change set would change.</summary>
    public List<FakeResourceChange> Changes { get; } =
    [
        new("Modify", "DeliveryStream", "AWS::KinesisFirehose::DeliveryStream", "False"),
        new("Add", "EventLinesTable", "AWS::Glue::Table", null),
    ];

    /// <summary>The stack's outputs, by key; remove one to play a stack that lacks it.</summary>
    public Dictionary<string, string> Outputs { get; } = new(StringComparer.Ordinal)
    {
        ["BucketName"] = "ses-analytics-bucket",
        ["DeliveryStreamName"] = "ses-analytics",
        ["DeliveryStreamArn"] = "arn:aws:firehose:us-east-1:123456789012:deliverystream/ses-analytics",
        ["DeliveryRoleArn"] = "arn:aws:iam::123456789012:role/ses-analytics-DeliveryRole",
        ["SesRoleArn"] = "arn:aws:iam::123456789012:role/ses-analytics-SesRole",
        ["GlueDatabase"] = "sesanalytics",
        ["GlueTable"] = "events",
        ["GlueLinesTable"] = "events_lines",
        ["WorkGroup"] = "ses-analytics",
    };

    /// <summary>
    /// The stack's resources, logical id → type: those of the module's template until CreateStack or an executed change
    /// set brings the template's own. Events and DescribeStackResources take their types from here.
    /// </summary>
    public Dictionary<string, string> Resources { get; } = new(StringComparer.Ordinal)
    {
        ["EventBucket"] = "AWS::S3::Bucket",
        ["EventBucketPolicy"] = "AWS::S3::BucketPolicy",
        ["DeliveryLogGroup"] = "AWS::Logs::LogGroup",
        ["DeliveryLogStream"] = "AWS::Logs::LogStream",
        ["DeliveryRole"] = "AWS::IAM::Role",
        ["DeliveryStream"] = "AWS::KinesisFirehose::DeliveryStream",
        ["SesEventDestinationRole"] = "AWS::IAM::Role",
        ["GlueDatabase"] = "AWS::Glue::Database",
        ["EventTable"] = "AWS::Glue::Table",
        ["EventLinesTable"] = "AWS::Glue::Table",
        ["AthenaWorkGroup"] = "AWS::Athena::WorkGroup",
    };

    /// <summary>The stack's tags; CreateStack and an executed change set replace them with the ones they carried.</summary>
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal) { ["sesanalytics:managed-by"] = "SesAnalytics" };

    /// <summary>Stacks of the account that are not ours (no managed-by tag), listed before ours when no name is asked for.</summary>
    public List<string> OtherStacks { get; } = ["someone-else"];

    /// <summary>How many stacks one DescribeStacks page holds when no name is asked for; the rest follow a NextToken.</summary>
    public int StacksPerPage { get; set; } = 100;

    /// <summary>The operations received, in order (the Action of each CloudFormation request).</summary>
    public ConcurrentQueue<string> Actions { get; } = new();

    /// <summary>SES v2 on the same endpoint.</summary>
    public SesV2Fake Ses { get; } = new();

    /// <summary>Adds one batch of events: each "LogicalId STATUS" or "LogicalId STATUS reason, which may have spaces".</summary>
    public void AddEventBatch(params string[] events) => EventBatches.Enqueue(events);

    /// <summary>The CloudFormation requests whose Action is <paramref name="action"/>, their form fields decoded.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> FormsOf(string action) =>
        Requests.Where(r => IsCloudFormation(r) && r.Form.GetValueOrDefault("Action") == action).Select(r => r.Form).ToList();

    protected override void Handle(FakeRequest request, HttpListenerResponse response)
    {
        if (Ses.Handles(request))
        {
            SesV2Answer answer = Ses.Answer(request);
            if (answer.ErrorType is not null)
            {
                response.AddHeader("x-amzn-ErrorType", answer.ErrorType);
            }

            response.AddHeader("x-amzn-RequestId", "rid-ses");
            Write(response, answer.Status, "application/json", answer.Body);
            return;
        }

        if (!IsCloudFormation(request))
        {
            Write(response, 404, "text/xml", Error("InvalidAction", $"This fake answers CloudFormation and SES v2, not {request.Method} {request.Path}."));
            return;
        }

        IReadOnlyDictionary<string, string> form = request.Form;
        string action = form.GetValueOrDefault("Action") ?? string.Empty;
        Actions.Enqueue(action);
        (int status, string xml) reply;
        lock (_lock)
        {
            reply = Answer(action, form);
        }

        Write(response, reply.status, "text/xml", reply.xml);
    }

    private static bool IsCloudFormation(FakeRequest request) =>
        request.Method == "POST" && (request.ContentType ?? string.Empty).StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal);

    private (int Status, string Xml) Answer(string action, IReadOnlyDictionary<string, string> form)
    {
        switch (action)
        {
            case "DescribeStacks":
                return DescribeStacks(form.GetValueOrDefault("StackName"), form.GetValueOrDefault("NextToken"));
            case "CreateStack":
                Exists = true;
                _operation = "CREATE";
                Replace(Tags, TagsOf(form));
                Replace(Resources, ResourcesOf(form));
                return Ok(action, $"<StackId>{StackId}</StackId>");
            case "CreateChangeSet" when !IsOurs(form.GetValueOrDefault("StackName")):
                return NotFound(form.GetValueOrDefault("StackName"));
            case "CreateChangeSet":
                _changeSetTags = TagsOf(form);
                _changeSetResources = ResourcesOf(form);
                return Ok(action, $"<Id>arn:aws:cloudformation:us-east-1:123456789012:changeSet/{Escape(form.GetValueOrDefault("ChangeSetName"))}/1</Id><StackId>{StackId}</StackId>");
            case "DescribeChangeSet":
                return Ok(action, ChangeSet(form.GetValueOrDefault("ChangeSetName")));
            case "ExecuteChangeSet":
                _operation = "UPDATE";
                Replace(Tags, _changeSetTags);
                Replace(Resources, _changeSetResources);
                return Ok(action, string.Empty);
            case "DeleteStack":
                _operation = "DELETE";
                return Ok(action, string.Empty);
            case "DescribeStackEvents":
                return Ok(action, Events());
            case "DescribeStackResources":
                return Ok(action, StackResources());
            case "DeleteChangeSet" or "CancelUpdateStack":
                return Ok(action, string.Empty);
            default:
                return (400, Error("InvalidAction", $"This fake does not answer {action}."));
        }
    }

    private bool IsOurs(string? name) => Exists && (name == StackName || name == StackId);

    private string CurrentStatus()
    {
        if (_operation is null)
        {
            return InitialStatus;
        }

        if (Statuses.Count > 1 && Statuses.TryDequeue(out string? next))
        {
            return next;
        }

        return Statuses.TryPeek(out string? last) ? last : _operation + "_COMPLETE";
    }

    private (int Status, string Xml) DescribeStacks(string? name, string? nextToken)
    {
        if (name is not null)
        {
            return IsOurs(name) ? Ok("DescribeStacks", $"<Stacks>{Stack(StackName, StackId, CurrentStatus(), Tags, Outputs)}</Stacks>") : NotFound(name);
        }

        var all = OtherStacks
            .Select(other => Stack(other, $"arn:aws:cloudformation:us-east-1:123456789012:stack/{other}/2", "CREATE_COMPLETE", new Dictionary<string, string> { ["team"] = "web" }, new Dictionary<string, string>()))
            .ToList();
        if (Exists)
        {
            all.Add(Stack(StackName, StackId, CurrentStatus(), Tags, Outputs));
        }

        int start = nextToken is null ? 0 : int.Parse(nextToken, CultureInfo.InvariantCulture);
        int size = Math.Max(1, StacksPerPage);
        string token = start + size < all.Count ? $"<NextToken>{(start + size).ToString(CultureInfo.InvariantCulture)}</NextToken>" : string.Empty;
        return Ok("DescribeStacks", $"<Stacks>{string.Concat(all.Skip(start).Take(size))}</Stacks>{token}");
    }

    private static string Stack(string name, string id, string status, IDictionary<string, string> tags, IDictionary<string, string> outputs) =>
        $"<member><StackId>{Escape(id)}</StackId><StackName>{Escape(name)}</StackName><StackStatus>{status}</StackStatus>" +
        "<CreationTime>2026-01-31T08:30:00Z</CreationTime><Outputs>" +
        string.Concat(outputs.Select(o => $"<member><OutputKey>{Escape(o.Key)}</OutputKey><OutputValue>{Escape(o.Value)}</OutputValue></member>")) +
        "</Outputs><Tags>" +
        string.Concat(tags.Select(t => $"<member><Key>{Escape(t.Key)}</Key><Value>{Escape(t.Value)}</Value></member>")) +
        "</Tags></member>";

    private string ChangeSet(string? name)
    {
        string status = ChangeSetStatuses.TryDequeue(out string? next) ? next
            : NoChanges || ChangeSetFailureReason is not null ? "FAILED"
            : "CREATE_COMPLETE";
        string head = $"<ChangeSetName>{Escape(name)}</ChangeSetName><StackId>{StackId}</StackId><StackName>{Escape(StackName)}</StackName><Status>{status}</Status>";
        if (status != "FAILED")
        {
            return head + (status == "CREATE_COMPLETE" ? "<ExecutionStatus>AVAILABLE</ExecutionStatus>" : "<ExecutionStatus>UNAVAILABLE</ExecutionStatus>") +
                "<Changes>" + string.Concat(Changes.Select(c =>
                    $"<member><Type>Resource</Type><ResourceChange><Action>{Escape(c.Action)}</Action><LogicalResourceId>{Escape(c.LogicalResourceId)}</LogicalResourceId>" +
                    $"<ResourceType>{Escape(c.ResourceType)}</ResourceType>{(c.Replacement is null ? string.Empty : $"<Replacement>{Escape(c.Replacement)}</Replacement>")}</ResourceChange></member>")) +
                "</Changes>";
        }

        string reason = ChangeSetFailureReason ?? "The submitted information didn't contain changes. Submit different information to create a change set.";
        return head + $"<ExecutionStatus>UNAVAILABLE</ExecutionStatus><StatusReason>{Escape(reason)}</StatusReason><Changes></Changes>";
    }

    private string Events()
    {
        if (_operation is not null && EventBatches.TryDequeue(out string[]? batch))
        {
            foreach (string line in batch)
            {
                string[] parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
                string logicalId = parts[0];
                string type = logicalId == StackName ? "AWS::CloudFormation::Stack" : Resources.GetValueOrDefault(logicalId, "AWS::CloudFormation::CustomResource");
                string reason = parts.Length > 2 ? $"<ResourceStatusReason>{Escape(parts[2])}</ResourceStatusReason>" : string.Empty;
                _events.Insert(0,
                    $"<member><StackId>{StackId}</StackId><EventId>e{(_events.Count + 1).ToString(CultureInfo.InvariantCulture)}</EventId><StackName>{Escape(StackName)}</StackName>" +
                    $"<LogicalResourceId>{Escape(logicalId)}</LogicalResourceId><ResourceType>{type}</ResourceType><Timestamp>{EventTime}</Timestamp>" +
                    $"<ResourceStatus>{Escape(parts.Length > 1 ? parts[1] : "CREATE_IN_PROGRESS")}</ResourceStatus>{reason}</member>");
            }
        }

        return "<StackEvents>" + string.Concat(_events) + "</StackEvents>";
    }

    private string StackResources() =>
        "<StackResources>" + string.Concat(Resources.Select(r =>
            $"<member><StackName>{Escape(StackName)}</StackName><StackId>{StackId}</StackId><LogicalResourceId>{Escape(r.Key)}</LogicalResourceId>" +
            $"<ResourceType>{Escape(r.Value)}</ResourceType><Timestamp>{EventTime}</Timestamp><ResourceStatus>CREATE_COMPLETE</ResourceStatus></member>")) +
        "</StackResources>";

    private static void Replace(Dictionary<string, string> current, Dictionary<string, string>? replacement)
    {
        if (replacement is null)
        {
            return;
        }

        current.Clear();
        foreach ((string key, string value) in replacement)
        {
            current[key] = value;
        }
    }

    private static Dictionary<string, string> TagsOf(IReadOnlyDictionary<string, string> form)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; form.TryGetValue($"Tags.member.{i}.Key", out string? key); i++)
        {
            tags[key] = form.GetValueOrDefault($"Tags.member.{i}.Value") ?? string.Empty;
        }

        return tags;
    }

    /// <summary>The logical ids and types of the Resources of the request's JSON TemplateBody.</summary>
    private static Dictionary<string, string>? ResourcesOf(IReadOnlyDictionary<string, string> form)
    {
        if (form.GetValueOrDefault("TemplateBody") is not { } body)
        {
            return null;
        }

        var resources = new Dictionary<string, string>(StringComparer.Ordinal);
        using JsonDocument template = JsonDocument.Parse(body);
        if (template.RootElement.TryGetProperty("Resources", out JsonElement declared))
        {
            foreach (JsonProperty resource in declared.EnumerateObject())
            {
                resources[resource.Name] = resource.Value.TryGetProperty("Type", out JsonElement type) ? type.GetString() ?? "?" : "?";
            }
        }

        return resources;
    }

    private static (int Status, string Xml) NotFound(string? name) =>
        (400, Error("ValidationError", $"Stack with id {name} does not exist"));

    private static (int Status, string Xml) Ok(string operation, string inner) => (200,
        $"<{operation}Response xmlns=\"{Namespace}\"><{operation}Result>{inner}</{operation}Result>" +
        $"<ResponseMetadata><RequestId>rid-{operation}</RequestId></ResponseMetadata></{operation}Response>");

    private static string Error(string code, string message) =>
        $"<ErrorResponse xmlns=\"{Namespace}\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{Escape(message)}</Message></Error><RequestId>rid-error</RequestId></ErrorResponse>";

    private static string Escape(string? text) => SecurityElement.Escape(text ?? string.Empty);
}
