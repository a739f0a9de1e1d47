using System.Text.Json;

namespace SesAnalytics.Engine.Events;

/// <summary>Reads the objects inside an SES record (<c>mail</c> and each type's own object), leniently.</summary>
internal static class SesObjectReader
{
    public static MailInfo Mail(JsonElement mail) => new()
    {
        Timestamp = mail.Time("timestamp"),
        Source = mail.String("source"),
        SourceArn = mail.String("sourceArn"),
        SourceIp = mail.String("sourceIp"),
        CallerIdentity = mail.String("callerIdentity"),
        SendingAccountId = mail.String("sendingAccountId"),
        MessageId = mail.String("messageId"),
        Destination = mail.Strings("destination"),
        HeadersTruncated = mail.Bool("headersTruncated"),
        Headers = mail.Objects("headers", h => new MailHeader(h.String("name") ?? string.Empty, h.String("value"))),
        CommonHeaders = mail.Object("commonHeaders") is { } common ? CommonHeaders(common) : null,
        Tags = mail.StringLists("tags"),
    };

    public static BounceInfo Bounce(JsonElement bounce) => new()
    {
        BounceType = bounce.String("bounceType"),
        BounceSubType = bounce.String("bounceSubType"),
        BouncedRecipients = bounce.Objects(
            "bouncedRecipients",
            r => new BouncedRecipient(r.String("emailAddress"), r.String("action"), r.String("status"), r.String("diagnosticCode"))),
        Timestamp = bounce.Time("timestamp"),
        FeedbackId = bounce.String("feedbackId"),
        ReportingMta = bounce.String("reportingMTA"),
        RemoteMtaIp = bounce.String("remoteMtaIp"),
    };

    public static ComplaintInfo Complaint(JsonElement complaint) => new()
    {
        ComplainedRecipients = complaint.Objects("complainedRecipients", r => new ComplainedRecipient(r.String("emailAddress"))),
        Timestamp = complaint.Time("timestamp"),
        FeedbackId = complaint.String("feedbackId"),
        ComplaintSubType = complaint.String("complaintSubType"),
        UserAgent = complaint.String("userAgent"),
        ComplaintFeedbackType = complaint.String("complaintFeedbackType"),
        ArrivalDate = complaint.Time("arrivalDate"),
    };

    public static DeliveryInfo Delivery(JsonElement delivery) => new()
    {
        Timestamp = delivery.Time("timestamp"),
        ProcessingTimeMillis = delivery.Long("processingTimeMillis"),
        Recipients = delivery.Strings("recipients"),
        SmtpResponse = delivery.String("smtpResponse"),
        ReportingMta = delivery.String("reportingMTA"),
        RemoteMtaIp = delivery.String("remoteMtaIp"),
    };

    public static RejectInfo Reject(JsonElement reject) => new(reject.String("reason"));

    public static OpenInfo Open(JsonElement open) =>
        new(open.String("ipAddress"), open.Time("timestamp"), open.String("userAgent"));

    public static ClickInfo Click(JsonElement click) => new()
    {
        IpAddress = click.String("ipAddress"),
        Timestamp = click.Time("timestamp"),
        UserAgent = click.String("userAgent"),
        Link = click.String("link"),
        LinkTags = click.StringLists("linkTags"),
    };

    public static FailureInfo Failure(JsonElement failure) =>
        new(failure.String("templateName"), failure.String("errorMessage"));

    public static DeliveryDelayInfo DeliveryDelay(JsonElement delay) => new()
    {
        Timestamp = delay.Time("timestamp"),
        DelayType = delay.String("delayType"),
        ExpirationTime = delay.Time("expirationTime"),
        ReportingMta = delay.String("reportingMTA"),
        RemoteMta = delay.String("remoteMta"),
        DelayedRecipients = delay.Objects(
            "delayedRecipients",
            r => new DelayedRecipient(r.String("emailAddress"), r.String("status"), r.String("diagnosticCode"))),
    };

    public static SubscriptionInfo Subscription(JsonElement subscription) => new()
    {
        ContactList = subscription.String("contactList"),
        Timestamp = subscription.Time("timestamp"),
        Source = subscription.String("source"),
        NewTopicPreferences = subscription.Object("newTopicPreferences") is { } next ? TopicPreferences(next) : null,
        OldTopicPreferences = subscription.Object("oldTopicPreferences") is { } old ? TopicPreferences(old) : null,
    };

    private static CommonHeaders CommonHeaders(JsonElement common) => new()
    {
        From = common.Strings("from"),
        To = common.Strings("to"),
        Cc = common.Strings("cc"),
        Bcc = common.Strings("bcc"),
        ReplyTo = common.Strings("replyTo"),
        ReturnPath = common.String("returnPath"),
        MessageId = common.String("messageId"),
        Date = common.String("date"),
        Subject = common.String("subject"),
    };

    private static TopicPreferences TopicPreferences(JsonElement preferences) => new()
    {
        UnsubscribeAll = preferences.Bool("unsubscribeAll"),
        TopicSubscriptionStatus = preferences.Objects(
            "topicSubscriptionStatus",
            s => new TopicSubscriptionStatus(s.String("topicName"), s.String("subscriptionStatus"))),
    };
}
