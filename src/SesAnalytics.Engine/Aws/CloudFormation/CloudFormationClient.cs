using System.Runtime.CompilerServices;
using System.Xml.Linq;
using SesAnalytics.Engine.Aws.CloudFormation.Model;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Aws.CloudFormation;

/// <summary>
/// AWS CloudFormation over awsQuery: <c>POST /</c> with a form body (<see cref="QueryForm"/>), XML answers
/// (<see cref="QueryXml"/>). Reads are retried freely; CreateStack, UpdateStack, ExecuteChangeSet and DeleteStack
/// always carry a ClientRequestToken and CreateChangeSet a ClientToken, so CloudFormation acts on a retried call once.
/// </summary>
public sealed class CloudFormationClient : ICloudFormationClient
{
    public const string ApiVersion = "2010-05-15";
    public const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    private readonly AwsHttpClient _http;

    public CloudFormationClient(AwsHttpClient http)
    {
        _http = http;
    }

    public Task<TemplateValidation> ValidateTemplateAsync(string templateBody, CancellationToken cancellationToken) =>
        InvokeAsync(
            Form("ValidateTemplate").Add("TemplateBody", templateBody),
            idempotent: true,
            target: null,
            result => new TemplateValidation(
                result.Text("Description"),
                result.Members("Parameters").Select(p => new TemplateParameter(
                    p.Required("ParameterKey"), p.Text("DefaultValue"), p.Boolean("NoEcho") ?? false, p.Text("Description"))).ToList(),
                result.Strings("Capabilities"),
                result.Text("CapabilitiesReason")),
            cancellationToken);

    public Task<string> CreateStackAsync(CreateStackRequest request, CancellationToken cancellationToken)
    {
        QueryForm form = Form("CreateStack")
            .Add("StackName", request.StackName)
            .Add("TemplateBody", request.TemplateBody);
        AddCommon(form, request.Parameters, request.Capabilities, request.Tags);
        form.Add("OnFailure", request.OnFailure switch
            {
                null => null,
                OnFailure.DoNothing => "DO_NOTHING",
                OnFailure.Rollback => "ROLLBACK",
                _ => "DELETE",
            })
            .Add("DisableRollback", request.DisableRollback)
            .Add("TimeoutInMinutes", request.TimeoutInMinutes)
            .Add("ClientRequestToken", request.ClientRequestToken ?? NewToken());
        return InvokeAsync(form, idempotent: true, request.StackName, result => result.Required("StackId"), cancellationToken);
    }

    public async Task<StackUpdate> UpdateStackAsync(UpdateStackRequest request, CancellationToken cancellationToken)
    {
        QueryForm form = Form("UpdateStack")
            .Add("StackName", request.StackName)
            .Add("TemplateBody", request.TemplateBody);
        AddCommon(form, request.Parameters, request.Capabilities, request.Tags);
        form.Add("DisableRollback", request.DisableRollback)
            .Add("ClientRequestToken", request.ClientRequestToken ?? NewToken());
        try
        {
            string stackId = await InvokeAsync(form, idempotent: true, request.StackName, result => result.Required("StackId"), cancellationToken).ConfigureAwait(false);
            return new StackUpdate(request.StackName, stackId, NoChanges: false);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == "ValidationError" && ex.AwsMessage.Contains("No updates are to be performed", StringComparison.OrdinalIgnoreCase))
        {
            return new StackUpdate(request.StackName, null, NoChanges: true);
        }
    }

    public Task<ChangeSetCreated> CreateChangeSetAsync(CreateChangeSetRequest request, CancellationToken cancellationToken)
    {
        QueryForm form = Form("CreateChangeSet")
            .Add("StackName", request.StackName)
            .Add("ChangeSetName", request.ChangeSetName)
            .Add("ChangeSetType", request.ChangeSetType == ChangeSetType.Create ? "CREATE" : "UPDATE")
            .Add("TemplateBody", request.TemplateBody)
            .Add("Description", request.Description);
        AddCommon(form, request.Parameters, request.Capabilities, request.Tags);
        form.Add("ClientToken", request.ClientToken ?? NewToken());
        return InvokeAsync(
            form,
            idempotent: true,
            request.StackName,
            result => new ChangeSetCreated(result.Required("Id"), result.Text("StackId")),
            cancellationToken);
    }

    public async Task<ChangeSet> DescribeChangeSetAsync(string changeSetName, string? stackName, CancellationToken cancellationToken)
    {
        var changes = new List<ResourceChange>();
        string? nextToken = null;
        ChangeSet page;
        do
        {
            QueryForm form = Form("DescribeChangeSet")
                .Add("ChangeSetName", changeSetName)
                .Add("StackName", stackName)
                .Add("NextToken", nextToken);
            (page, nextToken) = await InvokeAsync(form, idempotent: true, changeSetName, result => (ReadChangeSet(result), result.Token("NextToken")), cancellationToken)
                .ConfigureAwait(false);
            changes.AddRange(page.Changes);
        }
        while (nextToken is not null);

        return page with { Changes = changes };
    }

    public Task ExecuteChangeSetAsync(string changeSetName, string? stackName, CancellationToken cancellationToken) =>
        InvokeAsync(
            Form("ExecuteChangeSet")
                .Add("ChangeSetName", changeSetName)
                .Add("StackName", stackName)
                .Add("ClientRequestToken", NewToken()),
            idempotent: true,
            changeSetName,
            static _ => true,
            cancellationToken);

    public async Task DeleteChangeSetAsync(string changeSetName, string? stackName, CancellationToken cancellationToken)
    {
        try
        {
            await InvokeAsync(
                Form("DeleteChangeSet").Add("ChangeSetName", changeSetName).Add("StackName", stackName),
                idempotent: true,
                changeSetName,
                static _ => true,
                cancellationToken).ConfigureAwait(false);
        }
        catch (SesAnalyticsException error) when (error.ErrorId == "ChangeSetNotFound")
        {
            // Gone already: a retry after a lost answer, or CloudFormation's own clean-up. Either way it is deleted.
        }
    }

    public async Task<IReadOnlyList<StackDescription>> DescribeStacksAsync(string? stackName, CancellationToken cancellationToken)
    {
        var stacks = new List<StackDescription>();
        string? nextToken = null;
        do
        {
            QueryForm form = Form("DescribeStacks").Add("StackName", stackName).Add("NextToken", nextToken);
            (List<StackDescription> page, nextToken) = await InvokeAsync(
                form,
                idempotent: true,
                stackName,
                result => (result.Members("Stacks").Select(ReadStack).ToList(), result.Token("NextToken")),
                cancellationToken).ConfigureAwait(false);
            stacks.AddRange(page);
        }
        while (nextToken is not null);

        return stacks;
    }

    public async IAsyncEnumerable<StackEvent> DescribeStackEventsAsync(string stackName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? nextToken = null;
        do
        {
            QueryForm form = Form("DescribeStackEvents").Add("StackName", stackName).Add("NextToken", nextToken);
            (List<StackEvent> page, nextToken) = await InvokeAsync(
                form,
                idempotent: true,
                stackName,
                result => (result.Members("StackEvents").Select(ReadEvent).ToList(), result.Token("NextToken")),
                cancellationToken).ConfigureAwait(false);
            foreach (StackEvent stackEvent in page)
            {
                yield return stackEvent;
            }
        }
        while (nextToken is not null);
    }

    public Task<IReadOnlyList<StackResource>> DescribeStackResourcesAsync(string stackName, CancellationToken cancellationToken) =>
        InvokeAsync<IReadOnlyList<StackResource>>(
            Form("DescribeStackResources").Add("StackName", stackName),
            idempotent: true,
            stackName,
            result => result.Members("StackResources").Select(r => new StackResource(
                r.Required("LogicalResourceId"),
                r.Text("PhysicalResourceId"),
                r.Required("ResourceType"),
                r.RequiredTime("Timestamp"),
                r.Required("ResourceStatus"),
                r.Text("ResourceStatusReason"))).ToList(),
            cancellationToken);

    public Task DeleteStackAsync(string stackName, CancellationToken cancellationToken) =>
        InvokeAsync(
            Form("DeleteStack").Add("StackName", stackName).Add("ClientRequestToken", NewToken()),
            idempotent: true,
            stackName,
            static _ => true,
            cancellationToken);

    public Task CancelUpdateStackAsync(string stackName, CancellationToken cancellationToken) =>
        InvokeAsync(
            Form("CancelUpdateStack").Add("StackName", stackName).Add("ClientRequestToken", NewToken()),
            idempotent: true,
            stackName,
            static _ => true,
            cancellationToken);

    private static QueryForm Form(string action) => new(action, ApiVersion);

    /// <summary>CloudFormation tokens: up to 128 of <c>[a-zA-Z0-9-]</c>, first a letter or digit; a GUID fits.</summary>
    private static string NewToken() => "sesanalytics-" + Guid.NewGuid().ToString("N");

    private static void AddCommon(QueryForm form, IReadOnlyList<StackParameter>? parameters, IReadOnlyList<string>? capabilities, IReadOnlyList<StackTag>? tags) =>
        form.AddList("Parameters", parameters, static (f, prefix, p) => f
                .Add(prefix + ".ParameterKey", p.ParameterKey)
                .Add(prefix + ".ParameterValue", p.ParameterValue)
                .Add(prefix + ".UsePreviousValue", p.UsePreviousValue))
            .AddList("Capabilities", capabilities)
            .AddList("Tags", tags, static (f, prefix, t) => f.Add(prefix + ".Key", t.Key).Add(prefix + ".Value", t.Value));

    private async Task<T> InvokeAsync<T>(QueryForm form, bool idempotent, string? target, Func<XElement, T> read, CancellationToken cancellationToken)
    {
        string action = form.Action;
        var request = new AwsRequest(action, HttpMethod.Post, "/", form.ToBytes(), idempotent) { ContentType = FormContentType };
        try
        {
            return await _http.SendAsync(request, response => read(QueryXml.Result(response.Body, action)), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (CloudFormationErrors.Translate(ex, action, target) is { } translated)
        {
            throw translated;
        }
    }

    private static ChangeSet ReadChangeSet(XElement result) => new(
        result.Text("ChangeSetName"),
        result.Text("ChangeSetId"),
        result.Text("StackId"),
        result.Text("StackName"),
        result.Text("Status"),
        result.Text("StatusReason"),
        result.Text("ExecutionStatus"),
        result.Members("Changes")
            .Select(change => change.Child("ResourceChange"))
            .OfType<XElement>()
            .Select(change => new ResourceChange(
                change.Text("Action"),
                change.Text("LogicalResourceId"),
                change.Text("PhysicalResourceId"),
                change.Text("ResourceType"),
                change.Text("Replacement"),
                change.Strings("Scope"),
                change.Members("Details").Select(detail => new ResourceChangeDetail(
                    detail.Child("Target")?.Text("Attribute"),
                    detail.Child("Target")?.Text("Name"),
                    detail.Child("Target")?.Text("RequiresRecreation"),
                    detail.Text("Evaluation"),
                    detail.Text("ChangeSource"),
                    detail.Text("CausingEntity"))).ToList()))
            .ToList());

    private static StackDescription ReadStack(XElement stack) => new(
        stack.Text("StackId"),
        stack.Required("StackName"),
        stack.Required("StackStatus"),
        stack.Text("StackStatusReason"),
        stack.RequiredTime("CreationTime"),
        stack.Time("LastUpdatedTime"),
        stack.Members("Parameters").Select(p => new StackParameter(p.Required("ParameterKey"), p.Text("ParameterValue"))
        {
            UsePreviousValue = p.Boolean("UsePreviousValue"),
            ResolvedValue = p.Text("ResolvedValue"),
        }).ToList(),
        stack.Members("Outputs").Select(o => new StackOutput(o.Required("OutputKey"), o.Text("OutputValue"), o.Text("Description"), o.Text("ExportName"))).ToList(),
        stack.Members("Tags").Select(t => new StackTag(t.Required("Key"), t.Required("Value"))).ToList());

    private static StackEvent ReadEvent(XElement e) => new(
        e.Required("EventId"),
        e.Required("StackId"),
        e.Required("StackName"),
        e.RequiredTime("Timestamp"),
        e.Text("LogicalResourceId"),
        e.Text("PhysicalResourceId"),
        e.Text("ResourceType"),
        e.Text("ResourceStatus"),
        e.Text("ResourceStatusReason"),
        e.Text("ClientRequestToken"));
}
