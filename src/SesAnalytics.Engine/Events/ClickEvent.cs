namespace SesAnalytics;

/// <summary>A recipient clicked a link in the mail.</summary>
public sealed record ClickEvent : SesEvent
{
    public override SesEventType EventType => SesEventType.Click;

    public required ClickInfo Click { get; init; }

    public override string Detail => Click.ToString();
}
