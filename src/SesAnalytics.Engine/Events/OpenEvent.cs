namespace SesAnalytics;

/// <summary>A recipient opened the mail.</summary>
public sealed record OpenEvent : SesEvent
{
    public override SesEventType EventType => SesEventType.Open;

    public required OpenInfo Open { get; init; }

    public override string Detail => Open.ToString();
}
