using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Events;

/// <summary>
/// Turns one SES record into a typed event: an event-publishing record (<c>eventType</c>), an SNS notification
/// (<c>notificationType</c>), or either wrapped in an SNS envelope. Unknown members are ignored and missing ones are null.
/// </summary>
public static class SesEventParser
{
    public const string ErrorId = "InvalidSesEvent";

    private const int QuoteLimit = 200;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <exception cref="InvalidInputException">The text is not an SES event (ErrorId <see cref="ErrorId"/>).</exception>
    public static SesEvent Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument document = Open(json, json);
        JsonElement root = document.RootElement;
        if (!SnsEnvelope.TryUnwrap(root, out string? message))
        {
            return Read(root, json, json);
        }

        using JsonDocument inner = Open(message, json);
        return Read(inner.RootElement, message, json);
    }

    public static bool TryParse(string? json, [NotNullWhen(true)] out SesEvent? evt, [NotNullWhen(false)] out string? error)
    {
        evt = null;
        if (json is null)
        {
            error = "The record is null: pass one SES event record (a JSON object).";
            return false;
        }

        try
        {
            evt = Parse(json);
            error = null;
            return true;
        }
        catch (InvalidInputException invalid)
        {
            error = invalid.Message;
            return false;
        }
    }

    private static JsonDocument Open(string text, string record)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid("The record is empty: an SES event record is one JSON object.", record);
        }

        try
        {
            return JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException error)
        {
            throw Invalid($"The record is not valid JSON ({error.Message}): {Quote(text)}. An SES event record is one JSON object per line.", record, error);
        }
    }

    private static SesEvent Read(JsonElement root, string text, string record)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"The record is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an SES event object: {Quote(text)}.", record);
        }

        string typeName = root.String("eventType") ?? root.String("notificationType")
            ?? throw Invalid($"The record has neither 'eventType' nor 'notificationType', so it is not an SES event: {Quote(text)}.", record);
        if (!SesEventTypes.TryParse(typeName, out SesEventType type))
        {
            throw Invalid(
                $"The record's event type '{Shorten(typeName)}' is not one SES publishes ({string.Join(", ", SesEventTypes.All.Select(t => t.WireName()))}): {Quote(text)}.",
                record);
        }

        JsonElement mailElement = root.Object("mail")
            ?? throw Invalid($"The {type.WireName()} record has no 'mail' object, so its message is unknown: {Quote(text)}.", record);
        MailInfo mail = SesObjectReader.Mail(mailElement);
        DateTime sent = mail.Timestamp
            ?? throw Invalid($"The {type.WireName()} record has no valid 'mail.timestamp': {Quote(text)}.", record);
        JsonElement detail = root.Object(type.DetailMember()) ?? default;
        string identity = string.IsNullOrEmpty(mail.SenderIdentity) ? FirehoseLayout.MissingIdentity : mail.SenderIdentity;
        string messageId = mail.MessageId ?? string.Empty;
        string json = OneLine(root, text);

        switch (type)
        {
            case SesEventType.Send:
                return new SendEvent
                {
                    Send = new SendInfo(),
                    Identity = identity, MessageId = messageId, Timestamp = sent, Recipients = mail.Destination, Mail = mail, Json = json,
                };
            case SesEventType.Reject:
                return new RejectEvent
                {
                    Reject = SesObjectReader.Reject(detail),
                    Identity = identity, MessageId = messageId, Timestamp = sent, Recipients = mail.Destination, Mail = mail, Json = json,
                };
            case SesEventType.Bounce:
                BounceInfo bounce = SesObjectReader.Bounce(detail);
                return new BounceEvent
                {
                    Bounce = bounce,
                    Identity = identity, MessageId = messageId, Timestamp = bounce.Timestamp ?? sent, Mail = mail, Json = json,
                    Recipients = RecipientsOr(bounce.BouncedRecipients.Select(r => r.EmailAddress), mail),
                };
            case SesEventType.Complaint:
                ComplaintInfo complaint = SesObjectReader.Complaint(detail);
                return new ComplaintEvent
                {
                    Complaint = complaint,
                    Identity = identity, MessageId = messageId, Timestamp = complaint.Timestamp ?? sent, Mail = mail, Json = json,
                    Recipients = RecipientsOr(complaint.ComplainedRecipients.Select(r => r.EmailAddress), mail),
                };
            case SesEventType.Delivery:
                DeliveryInfo delivery = SesObjectReader.Delivery(detail);
                return new DeliveryEvent
                {
                    Delivery = delivery,
                    Identity = identity, MessageId = messageId, Timestamp = delivery.Timestamp ?? sent, Mail = mail, Json = json,
                    Recipients = RecipientsOr(delivery.Recipients, mail),
                };
            case SesEventType.Open:
                OpenInfo open = SesObjectReader.Open(detail);
                return new OpenEvent
                {
                    Open = open,
                    Identity = identity, MessageId = messageId, Timestamp = open.Timestamp ?? sent, Recipients = mail.Destination, Mail = mail, Json = json,
                };
            case SesEventType.Click:
                ClickInfo click = SesObjectReader.Click(detail);
                return new ClickEvent
                {
                    Click = click,
                    Identity = identity, MessageId = messageId, Timestamp = click.Timestamp ?? sent, Recipients = mail.Destination, Mail = mail, Json = json,
                };
            case SesEventType.RenderingFailure:
                return new RenderingFailureEvent
                {
                    Failure = SesObjectReader.Failure(detail),
                    Identity = identity, MessageId = messageId, Timestamp = sent, Recipients = mail.Destination, Mail = mail, Json = json,
                };
            case SesEventType.DeliveryDelay:
                DeliveryDelayInfo delay = SesObjectReader.DeliveryDelay(detail);
                return new DeliveryDelayEvent
                {
                    DeliveryDelay = delay,
                    Identity = identity, MessageId = messageId, Timestamp = delay.Timestamp ?? sent, Mail = mail, Json = json,
                    Recipients = RecipientsOr(delay.DelayedRecipients.Select(r => r.EmailAddress), mail),
                };
            default:
                SubscriptionInfo subscription = SesObjectReader.Subscription(detail);
                return new SubscriptionEvent
                {
                    Subscription = subscription,
                    Identity = identity, MessageId = messageId, Timestamp = subscription.Timestamp ?? sent, Recipients = mail.Destination, Mail = mail, Json = json,
                };
        }
    }

    /// <summary>The addresses the event names, or every destination when it names none.</summary>
    private static IReadOnlyList<string> RecipientsOr(IEnumerable<string?> addresses, MailInfo mail)
    {
        List<string> named = addresses.OfType<string>().ToList();
        return named.Count > 0 ? named : mail.Destination;
    }

    private static string OneLine(JsonElement root, string text)
    {
        if (text.AsSpan().IndexOfAny('\n', '\r') < 0)
        {
            return text.Trim();
        }

        var buffer = new ArrayBufferWriter<byte>(text.Length);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            root.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static InvalidInputException Invalid(string message, string record, Exception? inner = null) =>
        new(ErrorId, message, Shorten(record), inner);

    private static string Quote(string text) => "'" + Shorten(text) + "'";

    private static string Shorten(string text)
    {
        string flat = text.Length > QuoteLimit * 2 ? text[..(QuoteLimit * 2)] : text;
        flat = flat.ReplaceLineEndings(" ").Trim();
        return flat.Length > QuoteLimit ? flat[..QuoteLimit] + "…" : flat;
    }
}
