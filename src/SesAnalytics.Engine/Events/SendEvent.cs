namespace SesAnalytics;

/// <summary>SES accepted the mail and will try to deliver it.</summary>
public sealed record SendEvent : SesEvent
{
    public override SesEventType EventType => SesEventType.Send;

    public required SendInfo Send { get; init; }

    public override string Detail => Send.ToString();
}
