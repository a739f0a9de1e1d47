namespace SesAnalytics;

/// <summary>The ten event types SES publishes. <see cref="SesEventTypes.WireName"/> gives the exact text SES writes.</summary>
public enum SesEventType
{
    Send,
    Reject,
    Bounce,
    Complaint,
    Delivery,
    Open,
    Click,
    RenderingFailure,
    DeliveryDelay,
    Subscription,
}
