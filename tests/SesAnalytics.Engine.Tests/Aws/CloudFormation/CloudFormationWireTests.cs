using System.Diagnostics;
using System.Text.RegularExpressions;
using SesAnalytics.Engine.Aws;
using SesAnalytics.Engine.Aws.CloudFormation;
using SesAnalytics.Engine.Aws.CloudFormation.Model;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Tests.Aws.Conformance;
using SesAnalytics.Engine.Tests.Aws.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace SesAnalytics.Engine.Tests.Aws.CloudFormation;

/// <summary>A WireMock server on 127.0.0.1 speaking CloudFormation's awsQuery: signing scope, paging, retries, cancellation, secrets.</summary>
public sealed class CloudFormationWireTests : WireServerTests
{
    private const string Namespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    [Fact]
    public async Task Requests_are_signed_for_cloudformation_and_sent_as_a_form()
    {
        Answer(body => body.Contains("Action=DescribeStacks", StringComparison.Ordinal), Ok("DescribeStacks", "<Stacks></Stacks>"));

        await Client().DescribeStacksAsync(null, default);

        var entry = Assert.Single(await WireMockLog.WaitAsync(Server, 1));
        string authorization = entry.RequestMessage.Headers!["Authorization"].Single();
        Assert.Matches(new Regex(@"^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\d{8}/eu-west-1/cloudformation/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$"), authorization);
        Assert.StartsWith("application/x-www-form-urlencoded", entry.RequestMessage.Headers["Content-Type"].Single(), StringComparison.Ordinal);
        Assert.Equal("Action=DescribeStacks&Version=2010-05-15", entry.RequestMessage.Body);
    }

    [Fact]
    public async Task DescribeStackEvents_reads_all_three_pages_newest_first()
    {
        Answer(body => body.Contains("Action=DescribeStackEvents", StringComparison.Ordinal) && !body.Contains("NextToken", StringComparison.Ordinal),
            Ok("DescribeStackEvents", CloudFormationConformanceTests.EventsPage(["e6", "e5"], "page-2")));
        Answer(body => body.Contains("NextToken=page-2", StringComparison.Ordinal),
            Ok("DescribeStackEvents", CloudFormationConformanceTests.EventsPage(["e4", "e3"], "page%2F3")));
        Answer(body => body.Contains("NextToken=page%252F3", StringComparison.Ordinal),
            Ok("DescribeStackEvents", CloudFormationConformanceTests.EventsPage(["e2", "e1"], null)));

        var ids = new List<string>();
        await foreach (StackEvent stackEvent in Client().DescribeStackEventsAsync("ses-analytics", default))
        {
            ids.Add(stackEvent.EventId);
        }

        Assert.Equal(["e6", "e5", "e4", "e3", "e2", "e1"], ids);
        Assert.Equal(3, Sent.Count);
    }

    [Fact]
    public async Task DescribeChangeSet_joins_the_changes_of_both_pages()
    {
        Answer(body => body.Contains("Action=DescribeChangeSet", StringComparison.Ordinal) && !body.Contains("NextToken", StringComparison.Ordinal),
            Ok("DescribeChangeSet", CloudFormationConformanceTests.ChangeSetPage(["EventsBucket", "DeliveryRole"], "more")));
        Answer(body => body.Contains("NextToken=more", StringComparison.Ordinal),
            Ok("DescribeChangeSet", CloudFormationConformanceTests.ChangeSetPage(["DeliveryStream"], null)));

        ChangeSet changeSet = await Client().DescribeChangeSetAsync("deploy-1", "ses-analytics", default);

        Assert.Equal(["EventsBucket", "DeliveryRole", "DeliveryStream"], changeSet.Changes.Select(c => c.LogicalResourceId));
        Assert.Equal(2, Sent.Count);
    }

    [Fact]
    public async Task Throttling_is_retried_and_the_call_succeeds()
    {
        Server.Given(Request.Create().WithPath("/").UsingPost()).InScenario("throttled").WillSetStateTo("once")
            .RespondWith(Error(400, "Throttling", "Rate exceeded"));
        Server.Given(Request.Create().WithPath("/").UsingPost()).InScenario("throttled").WhenStateIs("once")
            .RespondWith(Ok("DeleteStack", string.Empty));

        await Client().DeleteStackAsync("ses-analytics", default);

        Assert.Equal(2, Sent.Count);
    }

    [Fact]
    public async Task A_change_set_deleted_before_a_retry_counts_as_deleted()
    {
        Server.Given(Request.Create().WithPath("/").UsingPost()).InScenario("lost answer").WillSetStateTo("deleted")
            .RespondWith(Error(503, "ServiceUnavailable", "Service unavailable"));
        Server.Given(Request.Create().WithPath("/").UsingPost()).InScenario("lost answer").WhenStateIs("deleted")
            .RespondWith(Error(404, "ChangeSetNotFound", "ChangeSet [deploy-1] does not exist"));

        await Client().DeleteChangeSetAsync("deploy-1", "ses-analytics", default);

        Assert.Equal(2, Sent.Count);
    }

    [Fact]
    public async Task Throttling_past_the_attempt_limit_is_LimitsExceeded()
    {
        Answer(_ => true, Error(400, "Throttling", "Rate exceeded"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client().DescribeStacksAsync("ses-analytics", default));

        Assert.Equal(ErrorKind.LimitsExceeded, error.Kind);
        Assert.Equal(3, Sent.Count);
        Assert.Contains("Request ID: rid-wire", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_aborts_the_call_within_a_second()
    {
        Answer(_ => true, Ok("DescribeStacks", "<Stacks></Stacks>").WithDelay(TimeSpan.FromSeconds(3)));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().DescribeStacksAsync(null, cancellation.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1.3), stopwatch.Elapsed.ToString());
    }

    [Fact]
    public async Task Secrets_echoed_by_the_server_never_reach_the_exception()
    {
        Answer(_ => true, Response.Create().WithStatusCode(403).WithBody(
            XmlAnswer.Error("SignatureDoesNotMatch", "Bad signature. Authorization: {{request.headers.Authorization}} token " + TestClients.SessionToken + " key " + TestClients.SecretKey))
            .WithTransformer());

        var error = await Assert.ThrowsAnyAsync<SesAnalyticsException>(() => Client().DescribeStacksAsync("ses-analytics", default));

        Assert.Equal(ErrorKind.AuthenticationError, error.Kind);
        SecretAssert.NoSecrets(error);
    }

    private CloudFormationClient Client() =>
        new(new AwsHttpClient(TestClients.Options("cloudformation", "CloudFormation", new Uri($"http://127.0.0.1:{Server.Port}/"), Sent)));

    private void Answer(Func<string, bool> body, IResponseBuilder response) =>
        Server.Given(Request.Create().WithPath("/").UsingPost().WithBody((string? b) => b is not null && body(b))).RespondWith(response);

    private static IResponseBuilder Ok(string operation, string inner) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml").WithBody(AwsQueryConformance.Envelope(Namespace, operation, inner));

    private static IResponseBuilder Error(int status, string code, string message) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/xml").WithBody(XmlAnswer.Error(code, message, "rid-wire"));
}
