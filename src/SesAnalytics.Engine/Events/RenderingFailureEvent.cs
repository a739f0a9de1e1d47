namespace SesAnalytics;

/// <summary>SES could not fill in the mail's template, so it sent nothing (event type "Rendering Failure").</summary>
public sealed record RenderingFailureEvent : SesEvent
{
    public override SesEventType EventType => SesEventType.RenderingFailure;

    public required FailureInfo Failure { get; init; }

    public override string Detail => Failure.ToString();
}
