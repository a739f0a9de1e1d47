using SesAnalytics.Engine.Aws.CloudFormation;
using SesAnalytics.Engine.Aws.CloudFormation.Model;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Tests.Aws.Support;

namespace SesAnalytics.Engine.Tests.Aws.Conformance;

/// <summary>
/// Every CloudFormation operation the client builds, its form checked against botocore's cloudformation model (awsQuery)
/// and its answer read from a sample that has the model's output shape, in CloudFormation's XML namespace.
/// </summary>
public sealed class CloudFormationConformanceTests
{
    internal const string StackId = "arn:aws:cloudformation:eu-west-1:123456789012:stack/ses-analytics/1c2fa620-982a-11e3-aff7-50e2416294e0";
    internal const string ChangeSetId = "arn:aws:cloudformation:eu-west-1:123456789012:changeSet/deploy-1/9b5f6e1d-3f1a-4b0a-9d6e-0d1e2f3a4b5c";
    private static readonly Uri Endpoint = new("https://cloudformation.eu-west-1.amazonaws.com/");

    private static readonly IReadOnlyList<StackParameter> Parameters =
        [new("BucketName", "ses-events-123"), new("RetentionDays", null) { UsePreviousValue = true }];

    private static readonly IReadOnlyList<StackTag> Tags = [new("project", "ses-analytics"), new("owner", "mail team")];

    [SkippableFact]
    public async Task ValidateTemplate_matches_the_model()
    {
        var model = Model();
        string answer = AwsQueryConformance.Answer(model, "ValidateTemplate", """
            <Parameters><member><ParameterKey>BucketName</ParameterKey><DefaultValue>ses-events</DefaultValue><NoEcho>false</NoEcho>
            <Description>Where Firehose writes</Description></member></Parameters>
            <Description>SES analytics</Description><Capabilities><member>CAPABILITY_NAMED_IAM</member></Capabilities>
            <CapabilitiesReason>The following resource(s) require capabilities: [AWS::IAM::Role]</CapabilitiesReason>
            """);
        var (client, handler) = Create(answer);

        TemplateValidation validation = await client.ValidateTemplateAsync("{\"Resources\":{}}", default);

        var form = AwsQueryConformance.AssertRequest(model, Assert.Single(handler.Requests), "ValidateTemplate");
        Assert.Equal("{\"Resources\":{}}", form["TemplateBody"]);
        Assert.Equal("SES analytics", validation.Description);
        Assert.Equal(new TemplateParameter("BucketName", "ses-events", false, "Where Firehose writes"), Assert.Single(validation.Parameters));
        Assert.Equal(["CAPABILITY_NAMED_IAM"], validation.Capabilities);
        Assert.StartsWith("The following resource(s)", validation.CapabilitiesReason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task CreateStack_matches_the_model_and_flattens_lists_as_awsQuery_does()
    {
        var model = Model();
        var (client, handler) = Create(AwsQueryConformance.Answer(model, "CreateStack", $"<StackId>{StackId}</StackId>"));

        string stackId = await client.CreateStackAsync(
            new CreateStackRequest("ses-analytics", "{\"Resources\":{}}")
            {
                Parameters = Parameters,
                Capabilities = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"],
                Tags = Tags,
                OnFailure = OnFailure.Delete,
                TimeoutInMinutes = 30,
            },
            default);

        var form = AwsQueryConformance.AssertRequest(model, Assert.Single(handler.Requests), "CreateStack");
        Assert.Equal(StackId, stackId);
        Assert.Equal("BucketName", form["Parameters.member.1.ParameterKey"]);
        Assert.Equal("ses-events-123", form["Parameters.member.1.ParameterValue"]);
        Assert.Equal("true", form["Parameters.member.2.UsePreviousValue"]);
        Assert.False(form.ContainsKey("Parameters.member.2.ParameterValue"));
        Assert.Equal("CAPABILITY_NAMED_IAM", form["Capabilities.member.2"]);
        Assert.Equal("owner", form["Tags.member.2.Key"]);
        Assert.Equal("mail team", form["Tags.member.2.Value"]);
        Assert.Equal("DELETE", form["OnFailure"]);
        Assert.Equal("30", form["TimeoutInMinutes"]);
        Assert.Matches("^[a-zA-Z0-9][-a-zA-Z0-9]{0,127}$", form["ClientRequestToken"]);
        Assert.Contains("Tags.member.2.Value=mail%20team", handler.Requests[0].BodyText, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task UpdateStack_matches_the_model()
    {
        var model = Model();
        var (client, handler) = Create(AwsQueryConformance.Answer(model, "UpdateStack", $"<StackId>{StackId}</StackId>"));

        StackUpdate update = await client.UpdateStackAsync(
            new UpdateStackRequest("ses-analytics", "{}") { Parameters = Parameters, Capabilities = ["CAPABILITY_IAM"], Tags = Tags, DisableRollback = true, ClientRequestToken = "mine-1" },
            default);

        var form = AwsQueryConformance.AssertRequest(model, Assert.Single(handler.Requests), "UpdateStack");
        Assert.Equal(new StackUpdate("ses-analytics", StackId, NoChanges: false), update);
        Assert.Equal("mine-1", form["ClientRequestToken"]);
        Assert.Equal("true", form["DisableRollback"]);
    }

    [SkippableTheory]
    [InlineData(ChangeSetType.Create, "CREATE")]
    [InlineData(ChangeSetType.Update, "UPDATE")]
    public async Task CreateChangeSet_matches_the_model(ChangeSetType type, string wire)
    {
        var model = Model();
        var (client, handler) = Create(AwsQueryConformance.Answer(model, "CreateChangeSet", $"<Id>{ChangeSetId}</Id><StackId>{StackId}</StackId>"));

        ChangeSetCreated created = await client.CreateChangeSetAsync(
            new CreateChangeSetRequest("ses-analytics", "deploy-1", type, "{}") { Parameters = Parameters, Capabilities = ["CAPABILITY_NAMED_IAM"], Tags = Tags, Description = "v2" },
            default);

        var form = AwsQueryConformance.AssertRequest(model, Assert.Single(handler.Requests), "CreateChangeSet");
        Assert.Equal(new ChangeSetCreated(ChangeSetId, StackId), created);
        Assert.Equal(wire, form["ChangeSetType"]);
        Assert.Equal("deploy-1", form["ChangeSetName"]);
        Assert.False(string.IsNullOrEmpty(form["ClientToken"]));
    }

    [SkippableFact]
    public async Task DescribeChangeSet_matches_the_model_and_reads_every_change()
    {
        var model = Model();
        var (client, handler) = Create(AwsQueryConformance.Answer(model, "DescribeChangeSet", ChangeSetPage(["EventsBucket", "DeliveryRole"], nextToken: null)));

        ChangeSet changeSet = await client.DescribeChangeSetAsync("deploy-1", "ses-analytics", default);

        var form = AwsQueryConformance.AssertRequest(model, Assert.Single(handler.Requests), "DescribeChangeSet");
        Assert.Equal("ses-analytics", form["StackName"]);
        Assert.Equal("CREATE_COMPLETE", changeSet.Status);
        Assert.Equal("AVAILABLE", changeSet.ExecutionStatus);
        Assert.False(changeSet.HasNoChanges);
        Assert.Equal(2, changeSet.Changes.Count);
        ResourceChange change = changeSet.Changes[0];
        Assert.Equal(("Modify", "EventsBucket", "AWS::S3::Bucket", "Conditional"), (change.Action, change.LogicalResourceId, change.ResourceType, change.Replacement));
        Assert.Equal(["Properties"], change.Scope);
        Assert.Equal(new ResourceChangeDetail("Properties", "BucketName", "Always", "Static", "DirectModification", null), Assert.Single(change.Details));
    }

    [SkippableFact]
    public async Task ExecuteChangeSet_matches_the_model_and_carries_a_token()
    {
        var model = Model();
        var (client, handler) = Create(AwsQueryConformance.Answer(model, "ExecuteChangeSet", string.Empty));

        await client.ExecuteChangeSetAsync(ChangeSetId, null, default);

        var form = AwsQueryConformance.AssertRequest(model, Assert.Single(handler.Requests), "ExecuteChangeSet");
        Assert.Equal(ChangeSetId, form["ChangeSetName"]);
        Assert.False(string.IsNullOrEmpty(form["ClientRequestToken"]));
    }

    [SkippableFact]
    public async Task DeleteChangeSet_matches_the_model()
    {
        var model = Model();
        var (client, handler) = Create(AwsQueryConformance.Answer(model, "DeleteChangeSet", string.Empty));

        await client.DeleteChangeSetAsync("deploy-1", "ses-analytics", default);

        AwsQueryConformance.AssertRequest(model, Assert.Single(handler.Requests), "DeleteChangeSet");
    }

    [SkippableFact]
    public async Task DescribeStacks_matches_the_model_and_reads_outputs_tags_and_times()
    {
        var model = Model();
        var (client, handler) = Create(AwsQueryConformance.Answer(model, "DescribeStacks", $"""
            <Stacks><member><StackId>{StackId}</StackId><StackName>ses-analytics</StackName><StackStatus>UPDATE_ROLLBACK_COMPLETE</StackStatus>
            <StackStatusReason>Resource creation cancelled</StackStatusReason><CreationTime>2026-01-31T08:30:15.123Z</CreationTime>
            <LastUpdatedTime>2026-02-01T09:00:00Z</LastUpdatedTime>
            <Parameters><member><ParameterKey>BucketName</ParameterKey><ParameterValue>ses-events-123</ParameterValue></member></Parameters>
            <Outputs><member><OutputKey>DeliveryStreamArn</OutputKey><OutputValue>arn:aws:firehose:eu-west-1:123456789012:deliverystream/ses</OutputValue>
            <Description>The stream</Description><ExportName>ses-stream</ExportName></member></Outputs>
            <Tags><member><Key>project</Key><Value>ses-analytics</Value></member></Tags></member></Stacks>
            """));

        IReadOnlyList<StackDescription> stacks = await client.DescribeStacksAsync("ses-analytics", default);

        AwsQueryConformance.AssertRequest(model, Assert.Single(handler.Requests), "DescribeStacks");
        StackDescription stack = Assert.Single(stacks);
        Assert.Equal(("ses-analytics", "UPDATE_ROLLBACK_COMPLETE", "Resource creation cancelled"), (stack.StackName, stack.StackStatus, stack.StackStatusReason));
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 8, 30, 15, 123, TimeSpan.Zero), stack.CreationTime);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero), stack.LastUpdatedTime);
        Assert.Equal(new StackOutput("DeliveryStreamArn", "arn:aws:firehose:eu-west-1:123456789012:deliverystream/ses", "The stream", "ses-stream"), Assert.Single(stack.Outputs));
        Assert.Equal(new StackTag("project", "ses-analytics"), Assert.Single(stack.Tags));
        Assert.Equal("ses-events-123", Assert.Single(stack.Parameters).ParameterValue);
    }

    [SkippableFact]
    public async Task DescribeStackEvents_matches_the_model()
    {
        var model = Model();
        var (client, handler) = Create(AwsQueryConformance.Answer(model, "DescribeStackEvents", EventsPage(["e2", "e1"], nextToken: null)));

        var events = new List<StackEvent>();
        await foreach (StackEvent stackEvent in client.DescribeStackEventsAsync("ses-analytics", default))
        {
            events.Add(stackEvent);
        }

        AwsQueryConformance.AssertRequest(model, Assert.Single(handler.Requests), "DescribeStackEvents");
        Assert.Equal(["e2", "e1"], events.Select(e => e.EventId));
        Assert.Equal("CREATE_FAILED", events[0].ResourceStatus);
        Assert.Equal("Bucket name already exists", events[0].ResourceStatusReason);
        Assert.Equal("AWS::S3::Bucket", events[0].ResourceType);
    }

    [SkippableFact]
    public async Task DescribeStackResources_matches_the_model()
    {
        var model = Model();
        var (client, handler) = Create(AwsQueryConformance.Answer(model, "DescribeStackResources", $"""
            <StackResources><member><StackName>ses-analytics</StackName><StackId>{StackId}</StackId><LogicalResourceId>EventsBucket</LogicalResourceId>
            <PhysicalResourceId>ses-events-123</PhysicalResourceId><ResourceType>AWS::S3::Bucket</ResourceType><Timestamp>2026-01-31T08:31:00Z</Timestamp>
            <ResourceStatus>CREATE_COMPLETE</ResourceStatus></member></StackResources>
            """));

        IReadOnlyList<StackResource> resources = await client.DescribeStackResourcesAsync("ses-analytics", default);

        AwsQueryConformance.AssertRequest(model, Assert.Single(handler.Requests), "DescribeStackResources");
        Assert.Equal(
            new StackResource("EventsBucket", "ses-events-123", "AWS::S3::Bucket", new DateTimeOffset(2026, 1, 31, 8, 31, 0, TimeSpan.Zero), "CREATE_COMPLETE", null),
            Assert.Single(resources));
    }

    [SkippableFact]
    public async Task DeleteStack_matches_the_model_and_carries_a_token()
    {
        var model = Model();
        string answer = $"<DeleteStackResponse xmlns=\"{model.Metadata("xmlNamespace")}\"><ResponseMetadata><RequestId>rid</RequestId></ResponseMetadata></DeleteStackResponse>";
        var (client, handler) = Create(answer);

        await client.DeleteStackAsync("ses-analytics", default);

        var form = AwsQueryConformance.AssertRequest(model, Assert.Single(handler.Requests), "DeleteStack");
        Assert.False(string.IsNullOrEmpty(form["ClientRequestToken"]));
    }

    [SkippableFact]
    public async Task CancelUpdateStack_matches_the_model_and_carries_a_token()
    {
        var model = Model();
        string answer = $"<CancelUpdateStackResponse xmlns=\"{model.Metadata("xmlNamespace")}\"><ResponseMetadata><RequestId>rid</RequestId></ResponseMetadata></CancelUpdateStackResponse>";
        var (client, handler) = Create(answer);

        await client.CancelUpdateStackAsync("ses-analytics", default);

        var form = AwsQueryConformance.AssertRequest(model, Assert.Single(handler.Requests), "CancelUpdateStack");
        Assert.Equal("ses-analytics", form["StackName"]);
        Assert.False(string.IsNullOrEmpty(form["ClientRequestToken"]));
    }

    internal static string ChangeSetPage(IEnumerable<string> logicalIds, string? nextToken) =>
        $"<ChangeSetName>deploy-1</ChangeSetName><ChangeSetId>{ChangeSetId}</ChangeSetId><StackId>{StackId}</StackId><StackName>ses-analytics</StackName>" +
        "<Status>CREATE_COMPLETE</Status><ExecutionStatus>AVAILABLE</ExecutionStatus><Changes>" +
        string.Concat(logicalIds.Select(id =>
            "<member><Type>Resource</Type><ResourceChange><Action>Modify</Action>" +
            $"<LogicalResourceId>{id}</LogicalResourceId><PhysicalResourceId>p-{id}</PhysicalResourceId><ResourceType>AWS::S3::Bucket</ResourceType>" +
            "<Replacement>Conditional</Replacement><Scope><member>Properties</member></Scope><Details><member><Target><Attribute>Properties</Attribute>" +
            "<Name>BucketName</Name><RequiresRecreation>Always</RequiresRecreation></Target><Evaluation>Static</Evaluation>" +
            "<ChangeSource>DirectModification</ChangeSource></member></Details></ResourceChange></member>")) +
        "</Changes>" + (nextToken is null ? string.Empty : $"<NextToken>{nextToken}</NextToken>");

    internal static string EventsPage(IEnumerable<string> eventIds, string? nextToken) =>
        "<StackEvents>" +
        string.Concat(eventIds.Select(id =>
            $"<member><StackId>{StackId}</StackId><EventId>{id}</EventId><StackName>ses-analytics</StackName><LogicalResourceId>EventsBucket</LogicalResourceId>" +
            "<PhysicalResourceId>ses-events-123</PhysicalResourceId><ResourceType>AWS::S3::Bucket</ResourceType><Timestamp>2026-01-31T08:31:00.456Z</Timestamp>" +
            "<ResourceStatus>CREATE_FAILED</ResourceStatus><ResourceStatusReason>Bucket name already exists</ResourceStatusReason></member>")) +
        "</StackEvents>" + (nextToken is null ? string.Empty : $"<NextToken>{nextToken}</NextToken>");

    private static ServiceModel Model()
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        return ServiceModel.Load("cloudformation");
    }

    private static (CloudFormationClient Client, CapturingHandler Handler) Create(string answer)
    {
        var handler = new CapturingHandler(_ => XmlAnswer.Create(answer));
        return (new CloudFormationClient(new AwsHttpClient(TestClients.Options("cloudformation", "CloudFormation", Endpoint, handler))), handler);
    }
}
