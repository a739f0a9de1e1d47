using System.Net;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.SesV2;
using SesAnalytics.Engine.Aws.SesV2.Model;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Tests.Aws.Support;

namespace SesAnalytics.Engine.Tests.Aws.SesV2;

/// <summary>
/// Every SES v2 operation the module calls, with the errors SES answers it with (SES's own messages): each error names
/// the resource SES names, never another one of the request (issue 11, item 12).
/// </summary>
public sealed class SesV2ErrorTargetTests
{
    private static readonly Uri Endpoint = new("https://email.us-east-1.amazonaws.com/");
    private static readonly EventDestinationDefinition Definition =
        EventDestinationDefinition.ToFirehose([SesEventType.Bounce], new KinesisFirehoseDestination("arn:role", "arn:stream"));

    public static TheoryData<string, string, string, string, string> NotFound() => new()
    {
        // operation, SES's message, target, what the message must name, what it must not
        { "SendEmail", "Configuration set <marketing> does not exist.", "marketing", "the configuration set 'marketing' does not exist", "sender@example.com" },
        { "GetConfigurationSet", "Configuration set <marketing> does not exist.", "marketing", "the configuration set 'marketing' does not exist", "destination" },
        { "GetConfigurationSetEventDestinations", "Configuration set <marketing> does not exist.", "marketing", "the configuration set 'marketing' does not exist", "destination" },
        { "CreateConfigurationSetEventDestination", "Configuration set <marketing> does not exist.", "marketing", "the configuration set 'marketing' does not exist", "event destination 'firehose'" },
        { "UpdateConfigurationSetEventDestination", "Event destination <firehose> does not exist.", "marketing/firehose", "the event destination 'firehose' of the configuration set 'marketing' does not exist", "or create it" },
        { "UpdateConfigurationSetEventDestination", "Configuration set <marketing> does not exist.", "marketing", "the configuration set 'marketing' does not exist", "event destination 'firehose'" },
        { "DeleteConfigurationSetEventDestination", "Event destination <firehose> does not exist.", "marketing/firehose", "the event destination 'firehose' of the configuration set 'marketing' does not exist", "or create it" },
        { "GetEmailIdentity", "Email identity <example.com> does not exist.", "example.com", "the identity 'example.com' does not exist", "configuration set" },
        { "PutEmailIdentityConfigurationSetAttributes", "Email identity <example.com> does not exist.", "example.com", "the identity 'example.com' does not exist", "configuration set 'marketing'" },
        { "PutEmailIdentityConfigurationSetAttributes", "Configuration set <marketing> does not exist.", "marketing", "the configuration set 'marketing' does not exist", "identity 'example.com'" },
    };

    [Theory]
    [MemberData(nameof(NotFound))]
    public async Task NotFound_names_the_resource_SES_names(string operation, string awsMessage, string target, string names, string notNamed)
    {
        SesAnalyticsException error = await FailAsync(operation, 404, "NotFoundException", awsMessage);

        Assert.Equal("SesResourceNotFound", error.ErrorId);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        Assert.Equal(target, error.Target);
        Assert.Contains(names, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(notNamed, error.Message.Split(" (")[0], StringComparison.Ordinal);
        Assert.Contains($"({awsMessage} (Service: SESv2; Status: 404; Error: NotFoundException;", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CreateConfigurationSet", "Configuration set <marketing> already exists.", "marketing", "the configuration set 'marketing' already exists")]
    [InlineData("CreateConfigurationSetEventDestination", "Event destination <firehose> already exists.", "marketing/firehose", "the event destination 'firehose' of the configuration set 'marketing' already exists")]
    public async Task AlreadyExists_names_the_resource_SES_names(string operation, string awsMessage, string target, string names)
    {
        SesAnalyticsException error = await FailAsync(operation, 400, "AlreadyExistsException", awsMessage);

        Assert.Equal("SesResourceAlreadyExists", error.ErrorId);
        Assert.Equal(ErrorKind.ResourceExists, error.Kind);
        Assert.Equal(target, error.Target);
        Assert.Contains(names, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Email address is not verified. The following identities failed the check in region US-EAST-1: sender@example.com", "sender@example.com", "the sender is not a verified identity")]
    [InlineData("Email address is not verified. The following identities failed the check in region US-EAST-1: Sender@Example.com, someone@example.org", "sender@example.com", "the sender is not a verified identity")]
    [InlineData("Email address not verified sender@example.com", "sender@example.com", "the sender is not a verified identity")]
    [InlineData("Email address is not verified. The following identities failed the check in region US-EAST-1: someone@example.org", "someone@example.org", "the recipient 'someone@example.org' is not verified, and this account is in the SES sandbox")]
    [InlineData("Illegal address", "sender@example.com", "SES rejected the message from 'sender@example.com'; SES's message, in parentheses, says why.")]
    public async Task MessageRejected_names_the_identity_SES_lists(string awsMessage, string target, string names)
    {
        SesAnalyticsException error = await FailAsync("SendEmail", 400, "MessageRejected", awsMessage);

        Assert.Equal("SesMessageRejected", error.ErrorId);
        Assert.Equal(target, error.Target);
        Assert.Contains(names, error.Message, StringComparison.Ordinal);
        Assert.Contains(awsMessage, error.Message, StringComparison.Ordinal);
        if (target == "sender@example.com")
        {
            Assert.DoesNotContain("recipient", error.Message.Split(" (")[0], StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("Sending is paused for this configuration set.", "marketing", "sending is paused for the configuration set 'marketing'")]
    [InlineData("Sending is paused for this account.", "sender@example.com", "sending is paused for this account in this region")]
    public async Task SendingPaused_says_whether_the_account_or_the_configuration_set_is_paused(string awsMessage, string target, string names)
    {
        SesAnalyticsException error = await FailAsync("SendEmail", 400, "SendingPausedException", awsMessage);

        Assert.Equal("SesSendingPaused", error.ErrorId);
        Assert.Equal(target, error.Target);
        Assert.Contains(names, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MailFromDomainNotVerified_names_the_sender()
    {
        SesAnalyticsException error = await FailAsync("SendEmail", 400, "MailFromDomainNotVerifiedException", "MAIL FROM domain mail.example.com is not verified.");

        Assert.Equal("SesMailFromDomainNotVerified", error.ErrorId);
        Assert.Equal("sender@example.com", error.Target);
    }

    private static async Task<SesAnalyticsException> FailAsync(string operation, int status, string code, string awsMessage)
    {
        var handler = new CapturingHandler(_ =>
        {
            HttpResponseMessage response = CapturingHandler.Json(
                System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["message"] = awsMessage }), (HttpStatusCode)status, "rid-ses");
            response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", code);
            return response;
        });
        var client = new SesV2Client(new AwsHttpClient(TestClients.Options("ses", "SESv2", Endpoint, handler)));
        SendEmailRequest send = SendEmailRequest.Simple("Mail <sender@example.com>", ["someone@example.org"], "s", "t", null) with { ConfigurationSetName = "marketing" };
        Task call = operation switch
        {
            "SendEmail" => client.SendEmailAsync(send, default),
            "CreateConfigurationSet" => client.CreateConfigurationSetAsync(new ConfigurationSet("marketing"), default),
            "GetConfigurationSet" => client.GetConfigurationSetAsync("marketing", default),
            "GetConfigurationSetEventDestinations" => client.GetConfigurationSetEventDestinationsAsync("marketing", default),
            "CreateConfigurationSetEventDestination" => client.CreateConfigurationSetEventDestinationAsync("marketing", "firehose", Definition, default),
            "UpdateConfigurationSetEventDestination" => client.UpdateConfigurationSetEventDestinationAsync("marketing", "firehose", Definition, default),
            "DeleteConfigurationSetEventDestination" => client.DeleteConfigurationSetEventDestinationAsync("marketing", "firehose", default),
            "GetEmailIdentity" => client.GetEmailIdentityAsync("example.com", default),
            "PutEmailIdentityConfigurationSetAttributes" => client.PutEmailIdentityConfigurationSetAttributesAsync("example.com", "marketing", default),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
        return await Assert.ThrowsAnyAsync<SesAnalyticsException>(() => call);
    }
}
