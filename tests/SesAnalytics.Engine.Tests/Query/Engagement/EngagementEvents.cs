using System.Globalization;
using System.Text.Json.Nodes;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Tests.Query.Athena;

namespace SesAnalytics.Engine.Tests.Query.Engagement;

/// <summary>Small Delivery, Open and Click records of one message, with their times, recipients and tags.</summary>
internal static class EngagementEvents
{
    public static readonly DateTime Base = new(2024, 3, 8, 12, 0, 0, DateTimeKind.Utc);

    public static StoredEvent Delivered(string identity, string messageId, DateTime at, string[] recipients, string? campaign = null) =>
        new(identity, DateOnly.FromDateTime(at), SesEventType.Delivery, Record("Delivery", messageId, recipients, campaign, new JsonObject
        {
            ["delivery"] = new JsonObject { ["timestamp"] = Time(at), ["recipients"] = Array(recipients), ["processingTimeMillis"] = 1000 },
        }));

    public static StoredEvent Open(string identity, string messageId, DateTime at, string[] recipients, string? campaign = null, string agent = "Mozilla/5.0") =>
        new(identity, DateOnly.FromDateTime(at), SesEventType.Open, Record("Open", messageId, recipients, campaign, new JsonObject
        {
            ["open"] = new JsonObject { ["timestamp"] = Time(at), ["ipAddress"] = "192.0.2.1", ["userAgent"] = agent },
        }));

    public static StoredEvent Click(string identity, string messageId, DateTime at, string[] recipients, string link, string? campaign = null, string? linkTag = null) =>
        new(identity, DateOnly.FromDateTime(at), SesEventType.Click, Record("Click", messageId, recipients, campaign, new JsonObject
        {
            ["click"] = new JsonObject
            {
                ["timestamp"] = Time(at),
                ["ipAddress"] = "192.0.2.1",
                ["userAgent"] = "Mozilla/5.0",
                ["link"] = link,
                ["linkTags"] = linkTag is null ? new JsonObject() : new JsonObject { ["Section"] = Array([linkTag]), ["kind"] = Array(["cta", "button"]) },
            },
        }));

    public static string Time(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonNode Record(string type, string messageId, string[] recipients, string? campaign, JsonObject detail)
    {
        var tags = new JsonObject { ["ses:configuration-set"] = Array(["cs1"]) };
        if (campaign is not null)
        {
            tags["campaign"] = Array([campaign]);
        }

        var record = new JsonObject
        {
            ["eventType"] = type,
            ["mail"] = new JsonObject
            {
                ["timestamp"] = Time(Base),
                ["source"] = "news@example.com",
                ["messageId"] = messageId,
                ["destination"] = Array(recipients),
                ["tags"] = tags,
            },
        };
        foreach ((string name, JsonNode? value) in detail.ToList())
        {
            detail.Remove(name);
            record[name] = value;
        }

        return record;
    }

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
