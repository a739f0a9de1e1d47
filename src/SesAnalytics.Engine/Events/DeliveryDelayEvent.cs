namespace SesAnalytics;

/// <summary>Delivery is late; SES keeps retrying.</summary>
public sealed record DeliveryDelayEvent : SesEvent
{
    public override SesEventType EventType => SesEventType.DeliveryDelay;

    public required DeliveryDelayInfo DeliveryDelay { get; init; }

    public override string Detail => DeliveryDelay.ToString();
}
