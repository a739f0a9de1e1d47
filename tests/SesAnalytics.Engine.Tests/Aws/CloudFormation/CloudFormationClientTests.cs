using System.Net;
using SesAnalytics.Engine.Aws.CloudFormation;
using SesAnalytics.Engine.Aws.CloudFormation.Model;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Tests.Aws.Conformance;
using SesAnalytics.Engine.Tests.Aws.Support;

namespace SesAnalytics.Engine.Tests.Aws.CloudFormation;

/// <summary>CloudFormation's well-known failures, read from awsQuery error answers, and what is safe to retry.</summary>
public sealed class CloudFormationClientTests
{
    private const string Namespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private static readonly Uri Endpoint = new("https://cloudformation.eu-west-1.amazonaws.com/");

    [Fact]
    public async Task A_missing_stack_is_ObjectNotFound_StackNotFound_with_the_request_id()
    {
        var client = Client(_ => XmlAnswer.Create(XmlAnswer.Error("ValidationError", "Stack with id ses-analytics does not exist", "rid-missing"), HttpStatusCode.BadRequest));

        var error = await Assert.ThrowsAsync<SesAnalyticsException>(() => client.DescribeStacksAsync("ses-analytics", default));

        Assert.Equal("StackNotFound", error.ErrorId);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        Assert.Equal("ses-analytics", error.Target);
        Assert.Contains("Request ID: rid-missing", error.Message, StringComparison.Ordinal);
        Assert.IsType<SesAnalytics.Engine.Aws.AwsServiceException>(error.InnerException);
    }

    [Fact]
    public async Task A_missing_stack_fails_the_event_stream_the_same_way()
    {
        var client = Client(_ => XmlAnswer.Create(XmlAnswer.Error("ValidationError", "Stack [ses-analytics] does not exist"), HttpStatusCode.BadRequest));

        var error = await Assert.ThrowsAsync<SesAnalyticsException>(async () =>
        {
            await foreach (StackEvent _ in client.DescribeStackEventsAsync("ses-analytics", default))
            {
            }
        });

        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
    }

    [Fact]
    public async Task An_update_with_nothing_to_change_is_a_NoChanges_result_not_an_error()
    {
        var client = Client(_ => XmlAnswer.Create(XmlAnswer.Error("ValidationError", "No updates are to be performed."), HttpStatusCode.BadRequest));

        StackUpdate update = await client.UpdateStackAsync(new UpdateStackRequest("ses-analytics", "{}"), default);

        Assert.Equal(new StackUpdate("ses-analytics", null, NoChanges: true), update);
    }

    [Fact]
    public async Task A_change_set_that_failed_for_lack_of_changes_says_so()
    {
        string page = CloudFormationConformanceTests.ChangeSetPage([], null)
            .Replace("<Status>CREATE_COMPLETE</Status>", "<Status>FAILED</Status><StatusReason>The submitted information didn't contain changes. Submit different information to create a change set.</StatusReason>", StringComparison.Ordinal)
            .Replace("<ExecutionStatus>AVAILABLE</ExecutionStatus>", "<ExecutionStatus>UNAVAILABLE</ExecutionStatus>", StringComparison.Ordinal);
        var client = Client(_ => XmlAnswer.Create(AwsQueryConformance.Envelope(Namespace, "DescribeChangeSet", page)));

        ChangeSet changeSet = await client.DescribeChangeSetAsync("deploy-1", "ses-analytics", default);

        Assert.True(changeSet.HasNoChanges);
        Assert.Empty(changeSet.Changes);
        Assert.False((changeSet with { StatusReason = "Template format error" }).HasNoChanges);
    }

    [Theory]
    [InlineData("AlreadyExistsException", "Stack [ses-analytics] already exists", "StackAlreadyExists", ErrorKind.ResourceExists)]
    [InlineData("InsufficientCapabilitiesException", "Requires capabilities : [CAPABILITY_NAMED_IAM]", "StackInsufficientCapabilities", ErrorKind.InvalidArgument)]
    [InlineData("ValidationError", "Template format error: unsupported structure.", "ValidationError", ErrorKind.InvalidArgument)]
    public async Task Creation_failures_map_to_clear_errors(string code, string message, string errorId, ErrorKind kind)
    {
        var client = Client(_ => XmlAnswer.Create(XmlAnswer.Error(code, message), HttpStatusCode.BadRequest));

        var error = await Assert.ThrowsAnyAsync<SesAnalyticsException>(() => client.CreateStackAsync(new CreateStackRequest("ses-analytics", "{}"), default));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(kind, error.Kind);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_change_set_is_ObjectNotFound()
    {
        var client = Client(_ => XmlAnswer.Create(XmlAnswer.Error("ChangeSetNotFound", "ChangeSet [deploy-1] does not exist"), HttpStatusCode.NotFound));

        var error = await Assert.ThrowsAsync<SesAnalyticsException>(() => client.ExecuteChangeSetAsync("deploy-1", "ses-analytics", default));

        Assert.Equal("ChangeSetNotFound", error.ErrorId);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
    }

    [Fact]
    public async Task Writes_with_a_token_are_retried_after_a_500_and_resend_the_same_token()
    {
        int calls = 0;
        var handler = new CapturingHandler(_ => ++calls == 1
            ? XmlAnswer.Create(XmlAnswer.Error("InternalFailure", "boom", type: "Receiver"), HttpStatusCode.InternalServerError)
            : XmlAnswer.Create(AwsQueryConformance.Envelope(Namespace, "CreateStack", $"<StackId>{CloudFormationConformanceTests.StackId}</StackId>")));
        var client = new CloudFormationClient(new AwsHttpClient(TestClients.Options("cloudformation", "CloudFormation", Endpoint, handler)));

        string stackId = await client.CreateStackAsync(new CreateStackRequest("ses-analytics", "{}"), default);

        Assert.Equal(CloudFormationConformanceTests.StackId, stackId);
        Assert.Equal(2, handler.Requests.Count);
        string first = AwsQueryConformance.Form(handler.Requests[0].BodyText)["ClientRequestToken"];
        Assert.Equal(first, AwsQueryConformance.Form(handler.Requests[1].BodyText)["ClientRequestToken"]);
        await client.CreateStackAsync(new CreateStackRequest("other", "{}"), default);
        Assert.NotEqual(first, AwsQueryConformance.Form(handler.Requests[2].BodyText)["ClientRequestToken"]);
    }

    [Fact]
    public async Task DescribeStacks_follows_NextToken_until_it_is_absent_or_empty()
    {
        var handler = new CapturingHandler(request => XmlAnswer.Create(AwsQueryConformance.Envelope(
            Namespace,
            "DescribeStacks",
            request.BodyText.Contains("NextToken=p2", StringComparison.Ordinal)
                ? Stack("second") + "<NextToken></NextToken>"
                : Stack("first") + "<NextToken>p2</NextToken>")));
        var client = new CloudFormationClient(new AwsHttpClient(TestClients.Options("cloudformation", "CloudFormation", Endpoint, handler)));

        IReadOnlyList<StackDescription> stacks = await client.DescribeStacksAsync(null, default);

        Assert.Equal(["first", "second"], stacks.Select(s => s.StackName));
        Assert.Equal(2, handler.Requests.Count);

        static string Stack(string name) =>
            $"<Stacks><member><StackName>{name}</StackName><StackStatus>CREATE_COMPLETE</StackStatus><CreationTime>2026-01-31T08:30:15Z</CreationTime></member></Stacks>";
    }

    [Fact]
    public async Task A_garbled_answer_is_InvalidData()
    {
        var client = Client(_ => XmlAnswer.Create("<DescribeStacksResponse><DescribeStacksResult><Stacks><member>"));

        var error = await Assert.ThrowsAsync<SesAnalyticsException>(() => client.DescribeStacksAsync(null, default));

        Assert.Equal("AwsMalformedResponse", error.ErrorId);
    }

    private static CloudFormationClient Client(Func<CapturedRequest, HttpResponseMessage> respond) =>
        new(new AwsHttpClient(TestClients.Options("cloudformation", "CloudFormation", Endpoint, new CapturingHandler(respond))));
}
