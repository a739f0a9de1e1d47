namespace SesAnalytics;

/// <summary>The receiving server accepted the mail.</summary>
public sealed record DeliveryEvent : SesEvent
{
    public override SesEventType EventType => SesEventType.Delivery;

    public required DeliveryInfo Delivery { get; init; }

    public override string Detail => Delivery.ToString();
}
