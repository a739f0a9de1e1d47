using System.Text.Json;
using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// When an SES event happened, from the record itself: the event type's own <c>timestamp</c> (bounce, complaint,
/// delivery, open, click, deliveryDelay, subscription), else <c>mail.timestamp</c>. Event publishing writes
/// <c>2017-08-05T00:41:02.669Z</c>; SNS notifications may write <c>2018-10-08T14:05:45 +0000</c>.
/// </summary>
public static class EventTime
{
    public static DateTimeOffset? Find(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? typeName = TextOf(record, "eventType") ?? TextOf(record, "notificationType");
        if (SesEventTypes.TryParse(typeName, out SesEventType type)
            && type.HasOwnTimestamp()
            && record.TryGetProperty(type.DetailMember(), out JsonElement details)
            && details.ValueKind == JsonValueKind.Object
            && SesTimestamp.TryParse(TextOf(details, "timestamp"), out DateTimeOffset own))
        {
            return own;
        }

        return record.TryGetProperty("mail", out JsonElement mail)
            && mail.ValueKind == JsonValueKind.Object
            && SesTimestamp.TryParse(TextOf(mail, "timestamp"), out DateTimeOffset sent)
                ? sent
                : null;
    }

    private static string? TextOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
