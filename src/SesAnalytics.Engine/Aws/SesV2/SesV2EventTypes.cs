using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Aws.SesV2;

/// <summary>Between <see cref="SesEventType"/> and the SES v2 API's <c>EventType</c> values (SEND, RENDERING_FAILURE, ...).</summary>
public static class SesV2EventTypes
{
    private static readonly Dictionary<SesEventType, string> ToWire = new()
    {
        [SesEventType.Send] = "SEND",
        [SesEventType.Reject] = "REJECT",
        [SesEventType.Bounce] = "BOUNCE",
        [SesEventType.Complaint] = "COMPLAINT",
        [SesEventType.Delivery] = "DELIVERY",
        [SesEventType.Open] = "OPEN",
        [SesEventType.Click] = "CLICK",
        [SesEventType.RenderingFailure] = "RENDERING_FAILURE",
        [SesEventType.DeliveryDelay] = "DELIVERY_DELAY",
        [SesEventType.Subscription] = "SUBSCRIPTION",
    };

    private static readonly Dictionary<string, SesEventType> FromWire = ToWire.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string ApiName(SesEventType type) => ToWire[type];

    /// <summary>The event type an SES v2 value names; null for a value this module does not know (a newer SES type).</summary>
    public static SesEventType? FromApiName(string value) => FromWire.TryGetValue(value, out SesEventType type) ? type : null;
}
