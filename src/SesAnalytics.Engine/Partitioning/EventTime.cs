using System.Globalization;
using System.Text.Json;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// When an SES event happened, from the record itself: the event type's own <c>timestamp</c> (bounce, complaint,
/// delivery, open, click, deliveryDelay, subscription), else <c>mail.timestamp</c>. Event publishing writes
/// <c>2017-08-05T00:41:02.669Z</c>; SNS notifications may write <c>2018-10-08T14:05:45 +0000</c>.
/// </summary>
public static class EventTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF zzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF zz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    public static DateTimeOffset? Find(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? type = TextOf(record, "eventType") ?? TextOf(record, "notificationType");
        string? detail = type switch
        {
            "Bounce" => "bounce",
            "Complaint" => "complaint",
            "Delivery" => "delivery",
            "Open" => "open",
            "Click" => "click",
            "DeliveryDelay" => "deliveryDelay",
            "Subscription" => "subscription",
            _ => null,
        };
        if (detail is not null
            && record.TryGetProperty(detail, out JsonElement details)
            && details.ValueKind == JsonValueKind.Object
            && TryParse(TextOf(details, "timestamp"), out DateTimeOffset own))
        {
            return own;
        }

        return record.TryGetProperty("mail", out JsonElement mail)
            && mail.ValueKind == JsonValueKind.Object
            && TryParse(TextOf(mail, "timestamp"), out DateTimeOffset sent)
                ? sent
                : null;
    }

    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        // "+0000" is not a .NET offset format; make it "+00:00".
        if (text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && text[^4..].All(char.IsAsciiDigit))
        {
            text = string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
        }

        if (!DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            return false;
        }

        time = time.ToUniversalTime();
        return true;
    }

    private static string? TextOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
