namespace SesAnalytics;

/// <summary>A recipient marked the mail as spam.</summary>
public sealed record ComplaintEvent : SesEvent
{
    public override SesEventType EventType => SesEventType.Complaint;

    public required ComplaintInfo Complaint { get; init; }

    public override string Detail => Complaint.ToString();
}
