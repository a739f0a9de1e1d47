namespace SesAnalytics;

/// <summary>The receiving server, or SES itself, refused the mail.</summary>
public sealed record BounceEvent : SesEvent
{
    public override SesEventType EventType => SesEventType.Bounce;

    public required BounceInfo Bounce { get; init; }

    public override string Detail => Bounce.ToString();
}
