namespace SesAnalytics;

/// <summary>SES accepted the mail but refused to send it (for instance it carried a virus).</summary>
public sealed record RejectEvent : SesEvent
{
    public override SesEventType EventType => SesEventType.Reject;

    public required RejectInfo Reject { get; init; }

    public override string Detail => Reject.ToString();
}
