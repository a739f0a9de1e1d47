using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Samples;

/// <summary>
/// Writes sample records member for member as SES does (same order, same escaping), reusing its buffers.
/// </summary>
internal sealed class SampleRecordWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly string[] SmtpResponses =
        ["250 2.0.0 OK", "250 2.6.0 Message received", "250 Ok: queued", "250 2.0.0 Ok: queued as 4VxK2s1fJz"];

    private static readonly string[] FeedbackAgents =
        ["Yahoo!-Mail-Feedback/2.0", "Microsoft JMRP", "Mozilla/5.0 (compatible; ARF feedback loop)"];

    private static readonly string[] Heads = SesEventTypes.All
        .Select(t => DetailFirst(t)
            ? $"{{\"eventType\":\"{t.WireName()}\",\"{t.DetailMember()}\":"
            : $"{{\"eventType\":\"{t.WireName()}\",\"mail\":")
        .ToArray();

    private static readonly string[] Tails = SesEventTypes.All.Select(t => $",\"{t.DetailMember()}\":").ToArray();

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly ArrayBufferWriter<byte> _mailBuffer = new(2048);
    private readonly Utf8JsonWriter _writer;
    private readonly Utf8JsonWriter _mailWriter;

    public SampleRecordWriter()
    {
        _writer = new Utf8JsonWriter(_buffer, Options);
        _mailWriter = new Utf8JsonWriter(_mailBuffer, Options);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _mailWriter.Dispose();
    }

    public string Write(SampleMessage message, PlannedEvent planned, Random random)
    {
        SesEventType type = planned.Type;
        bool detailFirst = DetailFirst(type);
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        switch (type)
        {
            case SesEventType.Bounce:
                WriteBounce(message, planned, random);
                break;
            case SesEventType.Complaint:
                WriteComplaint(message, planned, random);
                break;
            case SesEventType.Click:
                WriteClick(message, planned, random);
                break;
            default:
                WriteDetail(message, planned, random);
                break;
        }

        _writer.Flush();
        ReadOnlySpan<byte> after = detailFirst ? ",\"mail\":"u8 : "}"u8;
        after.CopyTo(_buffer.GetSpan(after.Length));
        _buffer.Advance(after.Length);
        string detail = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        string mail = Mail(message, type);
        return detailFirst
            ? string.Concat(Heads[(int)type], detail, mail, "}")
            : string.Concat(Heads[(int)type], mail, Tails[(int)type], detail);
    }

    /// <summary>SES writes these with their own object before the mail.</summary>
    private static bool DetailFirst(SesEventType type) =>
        type is SesEventType.Bounce or SesEventType.Complaint or SesEventType.Click;

    /// <summary>The <c>mail</c> object is the bulk of every record and the same in all events of a message: it is
    /// rendered once per message (before and after sending) and the records are joined as text around it.</summary>
    private string Mail(SampleMessage message, SesEventType type)
    {
        if (type == SesEventType.RenderingFailure)
        {
            return RenderMail(message, afterSending: false, withHeaders: false);
        }

        bool afterSending = type is SesEventType.Delivery or SesEventType.Open or SesEventType.Click
            or SesEventType.Complaint or SesEventType.Subscription;
        return afterSending
            ? message.MailJsonAfterSending ??= RenderMail(message, afterSending: true, withHeaders: true)
            : message.MailJson ??= RenderMail(message, afterSending: false, withHeaders: true);
    }

    private string RenderMail(SampleMessage message, bool afterSending, bool withHeaders)
    {
        SampleSender sender = message.Sender;
        _mailBuffer.ResetWrittenCount();
        Utf8JsonWriter w = _mailWriter;
        w.Reset(_mailBuffer);
        w.WriteStartObject();
        w.WriteString("timestamp", SesTimestamp.ToSesString(message.Sent));
        w.WriteString("source", sender.Source);
        w.WriteString("sourceArn", sender.SourceArn);
        w.WriteString("sendingAccountId", SampleCatalog.AccountId);
        w.WriteString("messageId", message.MessageId);
        w.WriteStartArray("destination");
        w.WriteStringValue(message.Recipient);
        w.WriteEndArray();
        w.WriteBoolean("headersTruncated", false);
        if (withHeaders)
        {
            w.WriteStartArray("headers");
            WriteHeader(w, "From", sender.Source);
            WriteHeader(w, "To", message.Recipient);
            WriteHeader(w, "Subject", message.Subject);
            WriteHeader(w, "MIME-Version", "1.0");
            WriteHeader(w, "Content-Type", $"multipart/alternative; boundary=\"{message.Boundary}\"");
            w.WriteEndArray();
            w.WriteStartObject("commonHeaders");
            w.WriteStartArray("from");
            w.WriteStringValue(sender.Source);
            w.WriteEndArray();
            w.WriteStartArray("to");
            w.WriteStringValue(message.Recipient);
            w.WriteEndArray();
            w.WriteString("messageId", message.MessageId);
            w.WriteString("subject", message.Subject);
            w.WriteEndObject();
        }

        w.WriteStartObject("tags");
        WriteTag(w, SesTags.SourceTlsVersion, message.TlsVersion);
        WriteTag(w, SesTags.Operation, message.Operation);
        WriteTag(w, SesTags.ConfigurationSet, sender.ConfigurationSet);
        WriteTag(w, SesTags.SourceIp, sender.SourceIp);
        WriteTag(w, SesTags.FromDomain, sender.FromDomain);
        if (message.TagsIdentity)
        {
            WriteTag(w, SesTags.SenderIdentity, sender.Identity);
        }

        WriteTag(w, SesTags.CallerIdentity, sender.CallerIdentity);
        if (afterSending)
        {
            WriteTag(w, SesTags.OutgoingIp, message.OutgoingIp);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        return Encoding.UTF8.GetString(_mailBuffer.WrittenSpan);
    }

    private void WriteBounce(SampleMessage message, PlannedEvent planned, Random random)
    {
        SampleBounceKind kind = planned.Bounce ?? SampleCatalog.PermanentBounces[0];
        Utf8JsonWriter w = _writer;
        w.WriteStartObject();
        w.WriteString("bounceType", kind.Type);
        w.WriteString("bounceSubType", kind.SubType);
        w.WriteStartArray("bouncedRecipients");
        w.WriteStartObject();
        w.WriteString("emailAddress", message.Recipient);
        w.WriteString("action", "failed");
        w.WriteString("status", kind.Status);
        w.WriteString("diagnosticCode", kind.DiagnosticCode);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("timestamp", SesTimestamp.ToSesString(planned.Time));
        w.WriteString("feedbackId", FeedbackId(planned.Time, random));
        if (kind.FromRemoteServer)
        {
            w.WriteString("reportingMTA", "dsn; " + message.ReportingMta);
            w.WriteString("remoteMtaIp", RemoteIp(message.Recipient));
        }
        else
        {
            w.WriteString("reportingMTA", "dns; amazonses.com");
        }

        w.WriteEndObject();
    }

    private void WriteComplaint(SampleMessage message, PlannedEvent planned, Random random)
    {
        Utf8JsonWriter w = _writer;
        w.WriteStartObject();
        w.WriteStartArray("complainedRecipients");
        w.WriteStartObject();
        w.WriteString("emailAddress", message.Recipient);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("timestamp", SesTimestamp.ToSesString(planned.Time));
        w.WriteString("feedbackId", FeedbackId(planned.Time, random));
        w.WriteString("userAgent", SampleCatalog.Pick(FeedbackAgents, random));
        w.WriteString("complaintFeedbackType", SampleCatalog.ComplaintFeedbackTypes[planned.Choice]);
        w.WriteString("arrivalDate", SesTimestamp.ToSesString(planned.Time.AddSeconds(-random.Next(1, 30))));
        w.WriteEndObject();
    }

    private void WriteClick(SampleMessage message, PlannedEvent planned, Random random)
    {
        Utf8JsonWriter w = _writer;
        string path = SampleCatalog.LinkPaths[planned.Choice];
        w.WriteStartObject();
        w.WriteString("ipAddress", ClientIp(random));
        w.WriteString("link", $"https://www.{message.Sender.FromDomain}{path}");
        w.WriteStartObject("linkTags");
        w.WriteStartArray("campaign");
        w.WriteStringValue(message.Sender.ConfigurationSet);
        w.WriteEndArray();
        w.WriteStartArray("link");
        w.WriteStringValue(path.Length > 1 ? path[1..] : "home");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteString("timestamp", SesTimestamp.ToSesString(planned.Time));
        w.WriteString("userAgent", SampleCatalog.Pick(SampleCatalog.UserAgents, random));
        w.WriteEndObject();
    }

    private void WriteDetail(SampleMessage message, PlannedEvent planned, Random random)
    {
        Utf8JsonWriter w = _writer;
        switch (planned.Type)
        {
            case SesEventType.Send:
                w.WriteStartObject();
                break;
            case SesEventType.Reject:
                w.WriteStartObject();
                w.WriteString("reason", "Bad content");
                break;
            case SesEventType.Delivery:
                w.WriteStartObject();
                w.WriteString("timestamp", SesTimestamp.ToSesString(planned.Time));
                w.WriteNumber("processingTimeMillis", (long)(planned.Time - message.Sent).TotalMilliseconds);
                w.WriteStartArray("recipients");
                w.WriteStringValue(message.Recipient);
                w.WriteEndArray();
                w.WriteString("smtpResponse", SampleCatalog.Pick(SmtpResponses, random));
                w.WriteString("reportingMTA", message.ReportingMta);
                w.WriteString("remoteMtaIp", RemoteIp(message.Recipient));
                break;
            case SesEventType.Open:
                w.WriteStartObject();
                w.WriteString("ipAddress", ClientIp(random));
                w.WriteString("timestamp", SesTimestamp.ToSesString(planned.Time));
                w.WriteString("userAgent", SampleCatalog.UserAgents[planned.Choice]);
                break;
            case SesEventType.RenderingFailure:
                w.WriteStartObject();
                w.WriteString("errorMessage", "Attribute 'firstName' is not present in the rendering data.");
                w.WriteString("templateName", message.Sender.ConfigurationSet + "-template");
                break;
            case SesEventType.DeliveryDelay:
                w.WriteStartObject();
                w.WriteString("timestamp", SesTimestamp.ToSesString(planned.Time));
                w.WriteString("delayType", SampleCatalog.DelayTypes[planned.Choice]);
                w.WriteString("expirationTime", SesTimestamp.ToSesString(message.Sent.AddHours(14)));
                w.WriteStartArray("delayedRecipients");
                w.WriteStartObject();
                w.WriteString("emailAddress", message.Recipient);
                w.WriteString("status", "4.4.1");
                w.WriteString("diagnosticCode", "smtp; 421 4.4.1 Unable to connect to remote host");
                w.WriteEndObject();
                w.WriteEndArray();
                break;
            default:
                string topic = SampleCatalog.Topics[planned.Choice];
                w.WriteStartObject();
                w.WriteString("contactList", message.Sender.ConfigurationSet + "-contacts");
                w.WriteString("timestamp", SesTimestamp.ToSesString(planned.Time));
                w.WriteString("source", "UnsubscribeHeader");
                WriteTopicPreferences(w, "newTopicPreferences", true, topic, "OptOut");
                WriteTopicPreferences(w, "oldTopicPreferences", false, topic, "OptIn");
                break;
        }

        w.WriteEndObject();
    }

    private static void WriteTopicPreferences(Utf8JsonWriter w, string name, bool unsubscribeAll, string topic, string status)
    {
        w.WriteStartObject(name);
        w.WriteBoolean("unsubscribeAll", unsubscribeAll);
        w.WriteStartArray("topicSubscriptionStatus");
        w.WriteStartObject();
        w.WriteString("topicName", topic);
        w.WriteString("subscriptionStatus", status);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteHeader(Utf8JsonWriter w, string name, string value)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("value", value);
        w.WriteEndObject();
    }

    private static void WriteTag(Utf8JsonWriter w, string name, string value)
    {
        w.WriteStartArray(name);
        w.WriteStringValue(value);
        w.WriteEndArray();
    }

    private static string FeedbackId(DateTimeOffset time, Random random) => string.Create(
        CultureInfo.InvariantCulture,
        $"0100{time.ToUnixTimeMilliseconds():x12}-{random.Next():x8}-{random.Next(0x10000):x4}-{random.Next(0x10000):x4}-{random.NextInt64(0x1000000000000):x12}-000000");

    /// <summary>The receiving server's address: stable per recipient domain.</summary>
    private static string RemoteIp(string recipient)
    {
        int hash = 17;
        foreach (char c in recipient.AsSpan(recipient.IndexOf('@', StringComparison.Ordinal) + 1))
        {
            hash = unchecked((hash * 31) + c);
        }

        return "198.51.100." + ((hash & 0x7fffffff) % 250 + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static string ClientIp(Random random) =>
        "203.0.113." + random.Next(128, 255).ToString(CultureInfo.InvariantCulture);
}
