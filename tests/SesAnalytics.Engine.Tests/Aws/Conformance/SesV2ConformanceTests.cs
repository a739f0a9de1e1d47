using System.Text.Json.Nodes;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.SesV2;
using SesAnalytics.Engine.Aws.SesV2.Model;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Tests.Aws.Support;

namespace SesAnalytics.Engine.Tests.Aws.Conformance;

/// <summary>
/// Every SES v2 operation the client builds, checked against botocore's sesv2 model (restJson1: method, URI template
/// with its labels, body members, required members, types, enums), and its answer read from a sample of the output shape.
/// </summary>
public sealed class SesV2ConformanceTests
{
    internal const string RoleArn = "arn:aws:iam::123456789012:role/ses-firehose";
    internal const string StreamArn = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/ses-events";
    private static readonly Uri Endpoint = new("https://email.eu-west-1.amazonaws.com/");

    [SkippableFact]
    public async Task CreateConfigurationSet_matches_the_model()
    {
        var model = Model();
        var (client, handler) = Create("{}");

        await client.CreateConfigurationSetAsync(
            new ConfigurationSet("ses-analytics") { SendingOptions = new SendingOptions(true), Tags = [new ConfigurationSetTag("project", "ses-analytics")] }, default);

        JsonObject tree = RestJsonConformance.AssertRequest(model, Assert.Single(handler.Requests), "CreateConfigurationSet");
        Assert.Equal("ses-analytics", (string?)tree["ConfigurationSetName"]);
    }

    [SkippableFact]
    public async Task GetConfigurationSet_matches_the_model()
    {
        var model = Model();
        var (client, handler) = Create(RestJsonConformance.Sample(model, "GetConfigurationSet", """
            {"ConfigurationSetName":"ses analytics","SendingOptions":{"SendingEnabled":false},"Tags":[{"Key":"project","Value":"ses"}],
             "ReputationOptions":{"ReputationMetricsEnabled":true}}
            """));

        ConfigurationSet set = await client.GetConfigurationSetAsync("ses analytics", default);

        CapturedRequest request = Assert.Single(handler.Requests);
        JsonObject tree = RestJsonConformance.AssertRequest(model, request, "GetConfigurationSet");
        Assert.Equal("/v2/email/configuration-sets/ses%20analytics", request.Uri.AbsolutePath);
        Assert.Equal("ses analytics", (string?)tree["ConfigurationSetName"]);
        Assert.Empty(request.Body);
        Assert.Equal("ses analytics", set.ConfigurationSetName);
        Assert.False(set.SendingOptions!.SendingEnabled);
        Assert.Equal(new ConfigurationSetTag("project", "ses"), Assert.Single(set.Tags!));
    }

    [SkippableFact]
    public async Task CreateConfigurationSetEventDestination_matches_the_model_with_every_event_type()
    {
        var model = Model();
        var (client, handler) = Create("{}");

        await client.CreateConfigurationSetEventDestinationAsync(
            "ses-analytics", "to-firehose", EventDestinationDefinition.ToFirehose(Enum.GetValues<SesEventType>(), new KinesisFirehoseDestination(RoleArn, StreamArn)), default);

        JsonObject tree = RestJsonConformance.AssertRequest(model, Assert.Single(handler.Requests), "CreateConfigurationSetEventDestination");
        Assert.Equal("to-firehose", (string?)tree["EventDestinationName"]);
        Assert.Equal(model.GetShape("EventType").Enum, tree["EventDestination"]!["MatchingEventTypes"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(StreamArn, (string?)tree["EventDestination"]!["KinesisFirehoseDestination"]!["DeliveryStreamArn"]);
        Assert.True((bool)tree["EventDestination"]!["Enabled"]!);
    }

    [SkippableFact]
    public async Task UpdateConfigurationSetEventDestination_matches_the_model()
    {
        var model = Model();
        var (client, handler) = Create("{}");

        await client.UpdateConfigurationSetEventDestinationAsync(
            "ses-analytics",
            "to-firehose",
            EventDestinationDefinition.ToFirehose([SesEventType.Bounce, SesEventType.RenderingFailure], new KinesisFirehoseDestination(RoleArn, StreamArn), enabled: false),
            default);

        CapturedRequest request = Assert.Single(handler.Requests);
        JsonObject tree = RestJsonConformance.AssertRequest(model, request, "UpdateConfigurationSetEventDestination");
        Assert.Equal("/v2/email/configuration-sets/ses-analytics/event-destinations/to-firehose", request.Uri.AbsolutePath);
        Assert.Equal(["BOUNCE", "RENDERING_FAILURE"], tree["EventDestination"]!["MatchingEventTypes"]!.AsArray().Select(v => (string)v!));
    }

    [SkippableFact]
    public async Task GetConfigurationSetEventDestinations_matches_the_model()
    {
        var model = Model();
        var (client, handler) = Create(RestJsonConformance.Sample(model, "GetConfigurationSetEventDestinations", $$$"""
            {"EventDestinations":[{"Name":"to-firehose","Enabled":true,"MatchingEventTypes":["SEND","DELIVERY_DELAY"],
              "KinesisFirehoseDestination":{"IamRoleArn":"{{{RoleArn}}}","DeliveryStreamArn":"{{{StreamArn}}}"}},
             {"Name":"to-sns","MatchingEventTypes":["BOUNCE"],"SnsDestination":{"TopicArn":"arn:aws:sns:eu-west-1:123456789012:t"}}]}
            """));

        IReadOnlyList<EventDestination> destinations = await client.GetConfigurationSetEventDestinationsAsync("ses-analytics", default);

        RestJsonConformance.AssertRequest(model, Assert.Single(handler.Requests), "GetConfigurationSetEventDestinations");
        Assert.Equal(2, destinations.Count);
        Assert.Equal(new KinesisFirehoseDestination(RoleArn, StreamArn), destinations[0].KinesisFirehoseDestination);
        Assert.Equal(["SEND", "DELIVERY_DELAY"], destinations[0].MatchingEventTypes);
        Assert.True(destinations[0].Enabled);
        Assert.Null(destinations[1].KinesisFirehoseDestination);
        Assert.False(destinations[1].Enabled);
    }

    [SkippableFact]
    public async Task DeleteConfigurationSetEventDestination_matches_the_model()
    {
        var model = Model();
        var (client, handler) = Create("{}");

        await client.DeleteConfigurationSetEventDestinationAsync("ses-analytics", "to-firehose", default);

        CapturedRequest request = Assert.Single(handler.Requests);
        RestJsonConformance.AssertRequest(model, request, "DeleteConfigurationSetEventDestination");
        Assert.Empty(request.Body);
    }

    [SkippableFact]
    public async Task GetEmailIdentity_matches_the_model_with_the_at_sign_encoded_in_the_path()
    {
        var model = Model();
        var (client, handler) = Create(RestJsonConformance.Sample(model, "GetEmailIdentity", """
            {"IdentityType":"EMAIL_ADDRESS","FeedbackForwardingStatus":true,"VerifiedForSendingStatus":true,"VerificationStatus":"SUCCESS",
             "ConfigurationSetName":"ses-analytics","DkimAttributes":{"SigningEnabled":false,"Status":"NOT_STARTED"},"Tags":[]}
            """));

        EmailIdentity identity = await client.GetEmailIdentityAsync("sender+news@example.com", default);

        CapturedRequest request = Assert.Single(handler.Requests);
        JsonObject tree = RestJsonConformance.AssertRequest(model, request, "GetEmailIdentity");
        Assert.Equal("/v2/email/identities/sender%2Bnews%40example.com", request.Uri.AbsolutePath);
        Assert.Equal("sender+news@example.com", (string?)tree["EmailIdentity"]);
        Assert.Equal(("EMAIL_ADDRESS", true, "SUCCESS", "ses-analytics"), (identity.IdentityType, identity.VerifiedForSendingStatus, identity.VerificationStatus, identity.ConfigurationSetName));
    }

    [SkippableFact]
    public async Task PutEmailIdentityConfigurationSetAttributes_matches_the_model()
    {
        var model = Model();
        var (client, handler) = Create("{}");

        await client.PutEmailIdentityConfigurationSetAttributesAsync("example.com", "ses-analytics", default);

        JsonObject tree = RestJsonConformance.AssertRequest(model, Assert.Single(handler.Requests), "PutEmailIdentityConfigurationSetAttributes");
        Assert.Equal("ses-analytics", (string?)tree["ConfigurationSetName"]);
        Assert.Equal("example.com", (string?)tree["EmailIdentity"]);
    }

    [SkippableFact]
    public async Task SendEmail_matches_the_model()
    {
        var model = Model();
        var (client, handler) = Create(RestJsonConformance.Sample(model, "SendEmail", """{"MessageId":"0102018d-abc"}"""));

        string messageId = await client.SendEmailAsync(
            SendEmailRequest.Simple("sender@example.com", ["success@simulator.amazonses.com"], "Test", "Hello", "<p>Hello</p>") with
            {
                ConfigurationSetName = "ses-analytics",
                EmailTags = [new MessageTag("campaign", "test")],
            },
            default);

        JsonObject tree = RestJsonConformance.AssertRequest(model, Assert.Single(handler.Requests), "SendEmail");
        Assert.Equal("0102018d-abc", messageId);
        Assert.Equal("Hello", (string?)tree["Content"]!["Simple"]!["Body"]!["Text"]!["Data"]);
        Assert.Equal("<p>Hello</p>", (string?)tree["Content"]!["Simple"]!["Body"]!["Html"]!["Data"]);
        Assert.Equal("success@simulator.amazonses.com", (string?)tree["Destination"]!["ToAddresses"]![0]);
        Assert.Equal("campaign", (string?)tree["EmailTags"]![0]!["Name"]);
    }

    [SkippableFact]
    public void Our_event_types_map_one_to_one_onto_the_models_EventType_values()
    {
        var model = Model();
        IReadOnlyList<string> wire = model.GetShape("EventType").Enum!;

        Assert.Equal(wire.Order(), Enum.GetValues<SesEventType>().Select(SesV2EventTypes.ApiName).Order());
        Assert.All(Enum.GetValues<SesEventType>(), t => Assert.Equal(t, SesV2EventTypes.FromApiName(SesV2EventTypes.ApiName(t))));
        Assert.Equal("RENDERING_FAILURE", SesV2EventTypes.ApiName(SesEventType.RenderingFailure));
        Assert.Null(SesV2EventTypes.FromApiName("Rendering Failure"));
    }

    private static ServiceModel Model()
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        return ServiceModel.Load("sesv2");
    }

    private static (SesV2Client Client, CapturingHandler Handler) Create(string json)
    {
        var handler = new CapturingHandler(_ => CapturingHandler.Json(json));
        return (new SesV2Client(new AwsHttpClient(TestClients.Options("ses", "SESv2", Endpoint, handler))), handler);
    }
}
