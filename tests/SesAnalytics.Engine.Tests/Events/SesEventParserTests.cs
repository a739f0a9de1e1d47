using System.Text.Json;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Tests.Events;

public sealed class SesEventParserTests
{
    // Modelled on the AWS "Examples of Amazon SES notifications" page: no tags, mail.sourceIp and mail.callerIdentity.
    private const string SnsBounce = """
        {"notificationType":"Bounce","bounce":{"feedbackId":"0100017b-feedback-000000","bounceType":"Permanent","bounceSubType":"General",
        "bouncedRecipients":[{"emailAddress":"jane@example.com","action":"failed","status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user unknown"},
        {"emailAddress":"richard@example.com","action":"failed","status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user unknown"}],
        "timestamp":"2018-10-08T14:05:45 +0000","remoteMtaIp":"127.0.2.0","reportingMTA":"dsn; a7-42.smtp-out.amazonses.com"},
        "mail":{"timestamp":"2018-10-08T14:05:44 +0000","source":"john@example.com","sourceArn":"arn:aws:ses:us-east-1:123456789012:identity/john@example.com",
        "sourceIp":"127.0.3.0","callerIdentity":"IAM_user_or_role_name","sendingAccountId":"123456789012","messageId":"00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa0680-000000",
        "destination":["jane@example.com","mary@example.com","richard@example.com"],"headersTruncated":false,
        "headers":[{"name":"From","value":"\"John Doe\" <john@example.com>"}],
        "commonHeaders":{"from":["John Doe <john@example.com>"],"date":"Mon, 08 Oct 2018 14:05:44 +0000","to":["Jane Doe <jane@example.com>, Mary Doe <mary@example.com>, Richard Doe <richard@example.com>"],
        "messageId":"custom-message-ID","subject":"Hello","replyTo":["support@example.com"],"returnPath":"bounces@example.com","cc":["cc@example.com"],"bcc":[]}}}
        """;

    private const string SnsComplaint = """
        {"notificationType":"Complaint","complaint":{"userAgent":"AnyCompany Feedback Loop (V0.01)","complainedRecipients":[{"emailAddress":"richard@example.com"}],
        "complaintFeedbackType":"abuse","arrivalDate":"2009-12-03T04:24:21.000-05:00","timestamp":"2012-05-25T14:59:38.623Z","feedbackId":"000001378603177f-18c07c78-fa81-4a58-9dd1-fedc3cb8f49a-000000"},
        "mail":{"timestamp":"2012-05-25T14:59:38.623Z","messageId":"000001378603177f-7a5433e7-8edb-42ae-af10-f0181f34d6ee-000000","source":"email_1337983178623@amazon.com",
        "sourceArn":"arn:aws:ses:us-east-1:123456789012:identity/email_1337983178623@amazon.com","sourceIp":"127.0.3.0","sendingAccountId":"123456789012",
        "callerIdentity":"IAM_user_or_role_name","destination":["richard@example.com"]}}
        """;

    private const string SnsDelivery = """
        {"notificationType":"Delivery","mail":{"timestamp":"2014-05-28T22:40:59.638Z","messageId":"0000014644fe5ef6-9a483358-9170-4cb4-a269-f5dcdf415321-000000",
        "source":"test@ses-example.com","sourceIp":"127.0.3.0","sendingAccountId":"123456789012","destination":["success@simulator.amazonses.com"]},
        "delivery":{"timestamp":"2014-05-28T22:41:01.184Z","processingTimeMillis":546,"recipients":["success@simulator.amazonses.com"],
        "smtpResponse":"250 ok:  Message 64111812 accepted","reportingMTA":"a8-70.smtp-out.amazonses.com","remoteMtaIp":"127.0.2.0"}}
        """;

    private const string TaggedSend = """
        {"eventType":"Send","mail":{"timestamp":"2024-05-01T10:00:00.000Z","source":"shop@example.com","messageId":"m-1","destination":["a@mail.example"],
        "tags":{"ses:sender-identity":["example.com"],"ses:configuration-set":["transactional"],"ses:source-tls-version":["TLSv1.3"],"ses:operation":["SendEmail"]}},"send":{}}
        """;

    [Fact]
    public void ReadsAnSnsBounceNotification()
    {
        BounceEvent e = Assert.IsType<BounceEvent>(SesEventParser.Parse(SnsBounce));

        Assert.Equal(SesEventType.Bounce, e.EventType);
        Assert.Equal(FirehoseLayout.MissingIdentity, e.Identity);
        Assert.Equal(new DateTime(2018, 10, 8, 14, 5, 45, DateTimeKind.Utc), e.Timestamp);
        Assert.Equal(new DateTime(2018, 10, 8, 14, 5, 44, DateTimeKind.Utc), e.Mail.Timestamp);
        Assert.Equal(["jane@example.com", "richard@example.com"], e.Recipients);
        Assert.Equal("127.0.2.0", e.Bounce.RemoteMtaIp);
        Assert.Equal("127.0.3.0", e.Mail.SourceIp);
        Assert.Equal("IAM_user_or_role_name", e.Mail.CallerIdentity);
        Assert.Empty(e.Mail.Tags);
        Assert.Equal("Hello", e.Subject);
        CommonHeaders common = e.Mail.CommonHeaders!;
        Assert.Equal("Mon, 08 Oct 2018 14:05:44 +0000", common.Date);
        Assert.Equal(["support@example.com"], common.ReplyTo);
        Assert.Equal("bounces@example.com", common.ReturnPath);
        Assert.Equal(["cc@example.com"], common.Cc);
        Assert.Empty(common.Bcc);
        Assert.Equal(new MailHeader("From", "\"John Doe\" <john@example.com>"), Assert.Single(e.Mail.Headers));
    }

    [Fact]
    public void ReadsAnSnsComplaintNotificationAndConvertsOffsetsToUtc()
    {
        ComplaintEvent e = Assert.IsType<ComplaintEvent>(SesEventParser.Parse(SnsComplaint));

        Assert.Equal(new DateTime(2009, 12, 3, 9, 24, 21, DateTimeKind.Utc), e.Complaint.ArrivalDate);
        Assert.Equal(DateTimeKind.Utc, e.Complaint.ArrivalDate!.Value.Kind);
        Assert.Equal("AnyCompany Feedback Loop (V0.01)", e.Complaint.UserAgent);
        Assert.Equal(["richard@example.com"], e.Recipients);
        Assert.Null(e.Mail.CommonHeaders);
        Assert.Null(e.Subject);
    }

    [Fact]
    public void UnwrapsAnSnsEnvelope()
    {
        string envelope = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["Type"] = "Notification",
            ["MessageId"] = "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
            ["TopicArn"] = "arn:aws:sns:us-east-1:123456789012:ses-notifications",
            ["Message"] = SnsDelivery,
            ["Timestamp"] = "2014-05-28T22:41:01.500Z",
            ["SignatureVersion"] = "1",
        });

        DeliveryEvent e = Assert.IsType<DeliveryEvent>(SesEventParser.Parse(envelope));

        Assert.Equal("0000014644fe5ef6-9a483358-9170-4cb4-a269-f5dcdf415321-000000", e.MessageId);
        Assert.Equal(546, e.Delivery.ProcessingTimeMillis);
        Assert.Equal(["success@simulator.amazonses.com"], e.Recipients);
        Assert.Equal(new DateTime(2014, 5, 28, 22, 41, 1, 184, DateTimeKind.Utc), e.Timestamp);
        Assert.Equal(JsonDocument.Parse(SnsDelivery).RootElement.GetRawText().ReplaceLineEndings(string.Empty), e.Json);
        Assert.DoesNotContain("TopicArn", e.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void UnwrapsAnEventPublishingRecordSentThroughSns()
    {
        string envelope = JsonSerializer.Serialize(new { Type = "Notification", Message = TaggedSend });

        SendEvent e = Assert.IsType<SendEvent>(SesEventParser.Parse(envelope));

        Assert.Equal("example.com", e.Identity);
        Assert.Equal(TaggedSend.ReplaceLineEndings(string.Empty), e.Json);
    }

    [Fact]
    public void LiftsTheTagsUsersFilterOn()
    {
        SesEvent e = SesEventParser.Parse(TaggedSend.ReplaceLineEndings(string.Empty));

        Assert.Equal("example.com", e.Identity);
        Assert.Equal("example.com", e.Mail.SenderIdentity);
        Assert.Equal("transactional", e.ConfigurationSet);
        Assert.Equal("TLSv1.3", e.Mail.SourceTlsVersion);
        Assert.Equal("SendEmail", e.Mail.Operation);
        Assert.Equal(["a@mail.example"], e.Recipients);
        Assert.Equal("shop@example.com", e.Source);
        Assert.Equal("m-1", e.MessageId);
        Assert.Equal("from-folder", (e with { Identity = "from-folder" }).Identity);
    }

    [Theory]
    [InlineData("2018-10-08T14:05:45 +0000")]
    [InlineData("2018-10-08T14:05:45+0000")]
    [InlineData("2018-10-08T14:05:45+00:00")]
    [InlineData("2018-10-08T14:05:45Z")]
    [InlineData("2018-10-08T14:05:45.000Z")]
    [InlineData("2018-10-08T23:05:45+09:00")]
    [InlineData("2018-10-08T23:05:45 +0900")]
    [InlineData("2018-10-08T09:05:45-0500")]
    public void ReadsEveryTimestampForm(string text)
    {
        Assert.True(SesTimestamp.TryParse(text, out DateTimeOffset value));
        Assert.Equal(new DateTimeOffset(2018, 10, 8, 14, 5, 45, TimeSpan.Zero), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);

        SesEvent e = SesEventParser.Parse($$$"""{"eventType":"Open","mail":{"timestamp":"2018-10-08T14:00:00Z","messageId":"m"},"open":{"timestamp":"{{{text}}}"}}""");
        Assert.Equal(new DateTime(2018, 10, 8, 14, 5, 45, DateTimeKind.Utc), e.Timestamp);
    }

    [Fact]
    public void WritesTimestampsAsSesDoes()
    {
        Assert.Equal("2017-08-05T00:41:02.669Z", SesTimestamp.ToSesString(new DateTimeOffset(2017, 8, 5, 9, 41, 2, 669, TimeSpan.FromHours(9))));
    }

    [Fact]
    public void IgnoresUnknownMembersAndToleratesMixedUpValueKinds()
    {
        const string json = """
            {"eventType":"delivery","future":{"nested":[1,2,{"x":null}]},"mail":{"timestamp":1496188800000,"messageId":12345,
            "destination":"only@mail.example","headersTruncated":"true","sendingAccountId":123456789012,"somethingNew":true,
            "tags":{"ses:sender-identity":"example.com","numbers":[1,2.5]}},
            "delivery":{"timestamp":"2017-05-31T00:00:01.000Z","processingTimeMillis":"1000","recipients":["only@mail.example",null,7],"smtpResponse":250}}
            """;

        DeliveryEvent e = Assert.IsType<DeliveryEvent>(SesEventParser.Parse(json));

        Assert.Equal(new DateTime(2017, 5, 31, 0, 0, 0, DateTimeKind.Utc), e.Mail.Timestamp);
        Assert.Equal("12345", e.MessageId);
        Assert.Equal(["only@mail.example"], e.Mail.Destination);
        Assert.True(e.Mail.HeadersTruncated);
        Assert.Equal("123456789012", e.Mail.SendingAccountId);
        Assert.Equal("example.com", e.Identity);
        Assert.Equal(["1", "2.5"], e.Mail.Tags["numbers"]);
        Assert.Equal(1000, e.Delivery.ProcessingTimeMillis);
        Assert.Equal(["only@mail.example", "7"], e.Delivery.Recipients);
        Assert.Equal("250", e.Delivery.SmtpResponse);
    }

    [Fact]
    public void LeavesMissingOptionalMembersNullOrEmpty()
    {
        BounceEvent e = Assert.IsType<BounceEvent>(
            SesEventParser.Parse("""{"eventType":"Bounce","mail":{"timestamp":"2024-01-02T03:04:05.678Z","destination":["x@mail.example"]}}"""));

        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc), e.Timestamp);
        Assert.Equal(string.Empty, e.MessageId);
        Assert.Equal(FirehoseLayout.MissingIdentity, e.Identity);
        Assert.Equal(["x@mail.example"], e.Recipients);
        Assert.Null(e.Bounce.BounceType);
        Assert.Null(e.Bounce.Timestamp);
        Assert.Empty(e.Bounce.BouncedRecipients);
        Assert.Null(e.Subject);
        Assert.Null(e.Source);
        Assert.Null(e.ConfigurationSet);
        Assert.Null(e.Mail.HeadersTruncated);
        Assert.Empty(e.Mail.Headers);
        Assert.Empty(e.Mail.Tags);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("{\"eventType\":\"Send\",", "not valid JSON")]
    [InlineData("[1,2,3]", "JSON array")]
    [InlineData("\"Send\"", "JSON string")]
    [InlineData("{}", "neither 'eventType' nor 'notificationType'")]
    [InlineData("{\"Type\":\"Notification\",\"Message\":\"hello\"}", "not valid JSON")]
    [InlineData("{\"notificationType\":\"Received\",\"mail\":{\"timestamp\":\"2024-01-01T00:00:00Z\"}}", "'Received' is not one SES publishes")]
    [InlineData("{\"eventType\":\"2\",\"mail\":{\"timestamp\":\"2024-01-01T00:00:00Z\"}}", "'2' is not one SES publishes")]
    [InlineData("{\"eventType\":\"Bounce, Open\",\"mail\":{\"timestamp\":\"2024-01-01T00:00:00Z\"}}", "'Bounce, Open' is not one SES publishes")]
    [InlineData("{\"eventType\":\"Send\"}", "no 'mail' object")]
    [InlineData("{\"eventType\":\"Send\",\"mail\":{\"messageId\":\"m\"}}", "no valid 'mail.timestamp'")]
    public void RejectsWhatIsNotAnSesEvent(string json, string expected)
    {
        InvalidInputException error = Assert.Throws<InvalidInputException>(() => SesEventParser.Parse(json));

        Assert.Equal("InvalidSesEvent", error.ErrorId);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(SesEventParser.TryParse(json, out SesEvent? e, out string? message));
        Assert.Null(e);
        Assert.Equal(error.Message, message);
    }

    [Fact]
    public void QuotesAtMostTwoHundredCharactersOfAHugeRecord()
    {
        string huge = "{\"eventType\":\"Nope\",\"padding\":\"" + new string('x', 100_000) + "\"}";

        InvalidInputException error = Assert.Throws<InvalidInputException>(() => SesEventParser.Parse(huge));

        Assert.True(error.Message.Length < 700, error.Message);
        Assert.True(error.Target!.ToString()!.Length <= 201);
    }

    [Fact]
    public void TryParseAcceptsAnEvent()
    {
        Assert.True(SesEventParser.TryParse(TaggedSend, out SesEvent? e, out string? error));
        Assert.IsType<SendEvent>(e);
        Assert.Null(error);
        Assert.False(SesEventParser.TryParse(null, out _, out error));
        Assert.NotNull(error);
    }
}
