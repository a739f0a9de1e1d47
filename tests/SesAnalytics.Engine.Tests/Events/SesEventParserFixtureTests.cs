using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Tests.Events;

/// <summary>Every documented example record parses into its type with every field read.</summary>
public sealed class SesEventParserFixtureTests
{
    private const string MessageId = "EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000";
    private const string Recipient = "recipient@example.com";
    private const string Subject = "Message sent from Amazon SES";
    private const string ChromeAgent =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/60.0.3112.90 Safari/537.36";

    [SkippableFact]
    public void Bounce()
    {
        BounceEvent e = Parse<BounceEvent>("Bounce.json");

        Assert.Equal(SesEventType.Bounce, e.EventType);
        Assert.Equal(Time("2017-08-05T00:41:02.669Z"), e.Timestamp);
        Assert.Equal([Recipient], e.Recipients);
        Assert.Equal("Permanent", e.Bounce.BounceType);
        Assert.Equal("General", e.Bounce.BounceSubType);
        Assert.Equal(new BouncedRecipient(Recipient, "failed", "5.1.1", "smtp; 550 5.1.1 user unknown"), Assert.Single(e.Bounce.BouncedRecipients));
        Assert.Equal(Time("2017-08-05T00:41:02.669Z"), e.Bounce.Timestamp);
        Assert.Equal("01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000", e.Bounce.FeedbackId);
        Assert.Equal("dsn; mta.example.com", e.Bounce.ReportingMta);
        Assert.Null(e.Bounce.RemoteMtaIp);
        AssertStandardMail(e, "2017-08-05T00:40:02.012Z", "Sender Name <sender@example.com>", sourceArn: true);
        Assert.Equal(["From", "To", "Subject", "MIME-Version", "Content-Type"], e.Mail.Headers.Select(h => h.Name));
        Assert.Equal("multipart/alternative; boundary=\"----=_Part_7307378_1629847660.1516840721503\"", e.Mail.Headers[4].Value);
        AssertStandardTags(e.Mail, "ses_user", extraTags: 0);
    }

    [SkippableFact]
    public void Complaint()
    {
        ComplaintEvent e = Parse<ComplaintEvent>("Complaint.json");

        Assert.Equal(SesEventType.Complaint, e.EventType);
        Assert.Equal(Time("2017-08-05T00:41:02.669Z"), e.Timestamp);
        Assert.Equal([Recipient], e.Recipients);
        Assert.Equal(Recipient, Assert.Single(e.Complaint.ComplainedRecipients).EmailAddress);
        Assert.Equal(Time("2017-08-05T00:41:02.669Z"), e.Complaint.Timestamp);
        Assert.Equal("01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000", e.Complaint.FeedbackId);
        Assert.Null(e.Complaint.ComplaintSubType);
        Assert.Equal(ChromeAgent, e.Complaint.UserAgent);
        Assert.Equal("abuse", e.Complaint.ComplaintFeedbackType);
        Assert.Equal(Time("2017-08-05T00:41:02.669Z"), e.Complaint.ArrivalDate);
        AssertStandardMail(e, "2017-08-05T00:40:01.123Z", "Sender Name <sender@example.com>", sourceArn: true);
        Assert.Equal(5, e.Mail.Headers.Count);
        AssertStandardTags(e.Mail, "ses_user", extraTags: 0);
    }

    [SkippableFact]
    public void Delivery()
    {
        DeliveryEvent e = Parse<DeliveryEvent>("Delivery.json");

        Assert.Equal(SesEventType.Delivery, e.EventType);
        Assert.Equal(Time("2016-10-19T23:21:04.133Z"), e.Timestamp);
        Assert.Equal([Recipient], e.Recipients);
        Assert.Equal(Time("2016-10-19T23:21:04.133Z"), e.Delivery.Timestamp);
        Assert.Equal(11893, e.Delivery.ProcessingTimeMillis);
        Assert.Equal([Recipient], e.Delivery.Recipients);
        Assert.Equal("250 2.6.0 Message received", e.Delivery.SmtpResponse);
        Assert.Equal("mta.example.com", e.Delivery.ReportingMta);
        Assert.Null(e.Delivery.RemoteMtaIp);
        AssertStandardMail(e, "2016-10-19T23:20:52.240Z", "sender@example.com", sourceArn: true);
        Assert.Equal(["From", "To", "Subject", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"], e.Mail.Headers.Select(h => h.Name));
        AssertStandardTags(e.Mail, "ses_user", extraTags: 3);
        Assert.Equal("192.0.2.0", e.Mail.OutgoingIp);
        Assert.Equal(["myCustomTagValue1"], e.Mail.Tags["myCustomTag1"]);
        Assert.Equal("myCustomTagValue2", e.Mail.Tag("myCustomTag2"));
    }

    [SkippableFact]
    public void DeliveryDelay()
    {
        DeliveryDelayEvent e = Parse<DeliveryDelayEvent>("DeliveryDelay.json");

        Assert.Equal(SesEventType.DeliveryDelay, e.EventType);
        Assert.Equal(Time("2020-06-16T00:25:40.095Z"), e.Timestamp);
        Assert.Equal([Recipient], e.Recipients);
        Assert.Equal(Time("2020-06-16T00:25:40.095Z"), e.DeliveryDelay.Timestamp);
        Assert.Equal("TransientCommunicationFailure", e.DeliveryDelay.DelayType);
        Assert.Equal(Time("2020-06-16T00:25:40.914Z"), e.DeliveryDelay.ExpirationTime);
        Assert.Null(e.DeliveryDelay.ReportingMta);
        Assert.Null(e.DeliveryDelay.RemoteMta);
        Assert.Equal(
            new DelayedRecipient(Recipient, "4.4.1", "smtp; 421 4.4.1 Unable to connect to remote host"),
            Assert.Single(e.DeliveryDelay.DelayedRecipients));
        AssertBareMail(e, "2020-06-16T00:15:40.641Z");
    }

    [SkippableFact]
    public void Open()
    {
        OpenEvent e = Parse<OpenEvent>("Open.json");

        Assert.Equal(SesEventType.Open, e.EventType);
        Assert.Equal(Time("2017-08-09T22:00:19.652Z"), e.Timestamp);
        Assert.Equal([Recipient], e.Recipients);
        Assert.Equal(
            new OpenInfo("192.0.2.1", Time("2017-08-09T22:00:19.652Z"), "Mozilla/5.0 (iPhone; CPU iPhone OS 10_3_3 like Mac OS X) AppleWebKit/603.3.8 (KHTML, like Gecko) Mobile/14G60"),
            e.Open);
        AssertStandardMail(e, "2017-08-09T21:59:49.927Z", "sender@example.com", sourceArn: false);
        Assert.Equal(["X-SES-CONFIGURATION-SET", "X-SES-MESSAGE-TAGS", "From", "To", "Subject", "MIME-Version", "Content-Type"], e.Mail.Headers.Select(h => h.Name));
        AssertStandardTags(e.Mail, "IAM_user_or_role_name", extraTags: 2);
    }

    [SkippableFact]
    public void Click()
    {
        ClickEvent e = Parse<ClickEvent>("Click.json");

        Assert.Equal(SesEventType.Click, e.EventType);
        Assert.Equal(Time("2017-08-09T23:51:25.570Z"), e.Timestamp);
        Assert.Equal([Recipient], e.Recipients);
        Assert.Equal("192.0.2.1", e.Click.IpAddress);
        Assert.Equal("http://docs.aws.amazon.com/ses/latest/DeveloperGuide/send-email-smtp.html", e.Click.Link);
        Assert.Equal(["samplekey0", "samplekey1"], e.Click.LinkTags.Keys.Order());
        Assert.Equal(["samplevalue0"], e.Click.LinkTags["samplekey0"]);
        Assert.Equal(["samplevalue1"], e.Click.LinkTags["samplekey1"]);
        Assert.Equal(Time("2017-08-09T23:51:25.570Z"), e.Click.Timestamp);
        Assert.Equal(ChromeAgent, e.Click.UserAgent);
        AssertStandardMail(e, "2017-08-09T23:50:05.795Z", "sender@example.com", sourceArn: false);
        Assert.Equal(8, e.Mail.Headers.Count);
        Assert.Equal(new MailHeader("Message-ID", MessageId), e.Mail.Headers[7]);
        AssertStandardTags(e.Mail, "ses_user", extraTags: 2);
    }

    [SkippableFact]
    public void Send()
    {
        SendEvent e = Parse<SendEvent>("Send.json");

        Assert.Equal(SesEventType.Send, e.EventType);
        Assert.Equal(Time("2016-10-14T05:02:16.645Z"), e.Timestamp);
        Assert.Equal([Recipient], e.Recipients);
        Assert.Equal(new SendInfo(), e.Send);
        AssertStandardMail(e, "2016-10-14T05:02:16.645Z", "sender@example.com", sourceArn: true);
        Assert.Equal(new MailHeader("X-SES-MESSAGE-TAGS", "myCustomTag1=myCustomTagValue1, myCustomTag2=myCustomTagValue2"), e.Mail.Headers[5]);
        AssertStandardTags(e.Mail, "ses_user", extraTags: 2);
    }

    [SkippableFact]
    public void Reject()
    {
        RejectEvent e = Parse<RejectEvent>("Reject.json");

        Assert.Equal(SesEventType.Reject, e.EventType);
        Assert.Equal(Time("2016-10-14T17:38:15.211Z"), e.Timestamp);
        Assert.Equal("Bad content", e.Reject.Reason);
        // The documented record's destination differs from its To header; the event is about the destination.
        Assert.Equal(["sender@example.com"], e.Recipients);
        Assert.Equal(["sender@example.com"], e.Mail.Destination);
        Assert.Equal([Recipient], e.Mail.CommonHeaders!.To);
        Assert.Equal(6, e.Mail.Headers.Count);
        Assert.Equal(FirehoseLayout.MissingIdentity, e.Identity);
        Assert.Equal(MessageId, e.MessageId);
        Assert.Equal("sender@example.com", e.Source);
        Assert.Equal("arn:aws:ses:us-east-1:123456789012:identity/sender@example.com", e.Mail.SourceArn);
        Assert.Equal(Time("2016-10-14T17:38:15.211Z"), e.Mail.Timestamp);
        Assert.Equal(Subject, e.Subject);
        Assert.Equal("ConfigSet", e.ConfigurationSet);
        AssertStandardTags(e.Mail, "ses_user", extraTags: 2);
    }

    [SkippableFact]
    public void RenderingFailure()
    {
        RenderingFailureEvent e = Parse<RenderingFailureEvent>("RenderingFailure.json");

        Assert.Equal(SesEventType.RenderingFailure, e.EventType);
        Assert.Equal(Time("2018-01-22T18:43:06.197Z"), e.Timestamp);
        Assert.Equal([Recipient], e.Recipients);
        Assert.Equal(new FailureInfo("MyTemplate", "Attribute 'attributeName' is not present in the rendering data."), e.Failure);
        AssertBareMail(e, "2018-01-22T18:43:06.197Z");
    }

    [SkippableFact]
    public void Subscription()
    {
        SubscriptionEvent e = Parse<SubscriptionEvent>("Subscription.json");

        Assert.Equal(SesEventType.Subscription, e.EventType);
        Assert.Equal(Time("2022-01-12T01:00:17.910Z"), e.Timestamp);
        Assert.Equal("EXAMPLEe4bccb684-777bc8de-afa7-4970-92b0-f515137b1497-000000", e.MessageId);
        Assert.Equal([Recipient], e.Recipients);
        Assert.Equal("ContactListName", e.Subscription.ContactList);
        Assert.Equal(Time("2022-01-12T01:00:17.910Z"), e.Subscription.Timestamp);
        Assert.Equal("UnsubscribeHeader", e.Subscription.Source);
        Assert.True(e.Subscription.NewTopicPreferences!.UnsubscribeAll);
        Assert.Equal(new TopicSubscriptionStatus("ExampleTopicName", "OptOut"), Assert.Single(e.Subscription.NewTopicPreferences.TopicSubscriptionStatus));
        Assert.False(e.Subscription.OldTopicPreferences!.UnsubscribeAll);
        Assert.Equal(new TopicSubscriptionStatus("ExampleTopicName", "OptOut"), Assert.Single(e.Subscription.OldTopicPreferences.TopicSubscriptionStatus));
        Assert.Equal(Time("2022-01-12T01:00:14.340Z"), e.Mail.Timestamp);
        Assert.Equal("EXAMPLEe4bccb684-777bc8de-afa7-4970-92b0-f515137b1497-000000", e.Mail.CommonHeaders!.MessageId);
        Assert.Equal(Subject, e.Subject);
        Assert.Equal("SendEmail", e.Mail.Operation);
        AssertStandardTags(e.Mail, "ses_user", extraTags: 3);
    }

    [SkippableFact]
    public void EveryFixtureKeepsItsRecordAsOneLineOfTheSameJson()
    {
        Skip.IfNot(SesEventFixtures.Exist, SesEventFixtures.Absent);
        foreach (string path in Directory.GetFiles(SesEventFixtures.Folder, "*.json"))
        {
            string text = File.ReadAllText(path);
            SesEvent e = SesEventParser.Parse(text);

            Assert.DoesNotContain('\n', e.Json);
            Assert.Equal(Path.GetFileNameWithoutExtension(path), e.EventType.ToString());
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
                System.Text.Json.Nodes.JsonNode.Parse(text), System.Text.Json.Nodes.JsonNode.Parse(e.Json)));
            SesEvent again = SesEventParser.Parse(e.Json);
            Assert.Equal((e.EventType, e.MessageId, e.Timestamp, e.Json), (again.EventType, again.MessageId, again.Timestamp, again.Json));
        }
    }

    private static T Parse<T>(string fileName)
        where T : SesEvent
    {
        Skip.IfNot(SesEventFixtures.Exist, SesEventFixtures.Absent);
        return Assert.IsType<T>(SesEventParser.Parse(SesEventFixtures.Read(fileName)));
    }

    private static DateTime Time(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;

    private static void AssertCommon(SesEvent e, string mailTime)
    {
        // No documented example carries ses:sender-identity, so every one lands in the fallback partition.
        Assert.Equal(FirehoseLayout.MissingIdentity, e.Identity);
        Assert.Null(e.Mail.SenderIdentity);
        Assert.Equal(DateTimeKind.Utc, e.Timestamp.Kind);
        Assert.Equal(Time(mailTime), e.Mail.Timestamp);
        Assert.Equal("123456789012", e.Mail.SendingAccountId);
        Assert.Equal(e.Mail.MessageId, e.MessageId);
        Assert.Equal(e.Mail.ConfigurationSet, e.ConfigurationSet);
        Assert.Equal("ConfigSet", e.ConfigurationSet);
        Assert.False(e.Mail.HeadersTruncated);
        Assert.Equal([Recipient], e.Mail.Destination);
    }

    private static void AssertStandardMail(SesEvent e, string mailTime, string from, bool sourceArn)
    {
        AssertCommon(e, mailTime);
        Assert.Equal(MessageId, e.MessageId);
        Assert.Equal(from, e.Source);
        Assert.Equal(sourceArn ? "arn:aws:ses:us-east-1:123456789012:identity/sender@example.com" : null, e.Mail.SourceArn);
        Assert.Equal(Subject, e.Subject);
        CommonHeaders common = e.Mail.CommonHeaders!;
        Assert.Equal([from], common.From);
        Assert.Equal([Recipient], common.To);
        Assert.Equal(MessageId, common.MessageId);
        Assert.Equal(Subject, common.Subject);
        Assert.Empty(common.Cc);
        Assert.Empty(common.Bcc);
        Assert.Empty(common.ReplyTo);
        Assert.Null(common.ReturnPath);
        Assert.Null(common.Date);
        Assert.Equal(new MailHeader("From", from), e.Mail.Headers.First(h => h.Name == "From"));
        Assert.Equal(new MailHeader("Subject", Subject), e.Mail.Headers.First(h => h.Name == "Subject"));
    }

    private static void AssertBareMail(SesEvent e, string mailTime)
    {
        AssertCommon(e, mailTime);
        Assert.Equal(MessageId, e.MessageId);
        Assert.Equal("sender@example.com", e.Source);
        Assert.Equal("arn:aws:ses:us-east-1:123456789012:identity/sender@example.com", e.Mail.SourceArn);
        Assert.Empty(e.Mail.Headers);
        Assert.Null(e.Mail.CommonHeaders);
        Assert.Null(e.Subject);
        Assert.Equal(["ses:configuration-set"], e.Mail.Tags.Keys);
        Assert.Null(e.Mail.SourceIp);
        Assert.Null(e.Mail.CallerIdentity);
    }

    private static void AssertStandardTags(MailInfo mail, string caller, int extraTags)
    {
        Assert.Equal("192.0.2.0", mail.SourceIp);
        Assert.Equal("example.com", mail.FromDomain);
        Assert.Equal(caller, mail.CallerIdentity);
        Assert.Equal(["ConfigSet"], mail.Tags["ses:configuration-set"]);
        Assert.Null(mail.SourceTlsVersion);
        Assert.Equal(4 + extraTags, mail.Tags.Count);
    }
}
