using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// Reputation summary of one identity for one day (<see cref="Day"/> set) or a whole range (<see cref="Day"/> null).
/// Rates are fractions (0.0123 is 1.23%) and count recipients, as SES's reputation metrics do; null without sends.
/// </summary>
public sealed record EventSummary
{
    public const double BounceWarning = 0.05;
    public const double BounceAtRisk = 0.10;
    public const double ComplaintWarning = 0.001;
    public const double ComplaintAtRisk = 0.005;

    public required string Identity { get; init; }

    public DateTime? Day { get; init; }

    public required DateTime From { get; init; }

    public required DateTime To { get; init; }

    public long Sends { get; init; }

    public long SentRecipients { get; init; }

    public long Deliveries { get; init; }

    public long Bounces { get; init; }

    public long HardBounces { get; init; }

    public long SoftBounces { get; init; }

    public long HardBouncedRecipients { get; init; }

    public long Complaints { get; init; }

    public long ComplainedRecipients { get; init; }

    public long Rejects { get; init; }

    public long Opens { get; init; }

    public long Clicks { get; init; }

    public long DeliveryDelays { get; init; }

    public long RenderingFailures { get; init; }

    public long Subscriptions { get; init; }

    public double? BounceRate { get; init; }

    public double? ComplaintRate { get; init; }

    public ReputationStatus Status { get; init; }

    /// <summary>The summary of one identity on one day.</summary>
    internal static EventSummary ForDay(PartitionCounts partition) =>
        Create(partition.Identity, partition.Day, partition.Day, partition.Day, partition.Counts);

    /// <summary>One summary per identity over the whole range, in ordinal order of identity.</summary>
    internal static IEnumerable<EventSummary> Totals(IEnumerable<PartitionCounts> counts, DayRange days)
    {
        var byIdentity = new SortedDictionary<string, EventCounts>(StringComparer.Ordinal);
        foreach (PartitionCounts partition in counts)
        {
            byIdentity[partition.Identity] = byIdentity.GetValueOrDefault(partition.Identity, EventCounts.Zero).Add(partition.Counts);
        }

        return byIdentity.Select(i => Create(i.Key, null, days.From, days.To, i.Value));
    }

    public static EventSummary Create(string identity, DateOnly? day, DateOnly from, DateOnly to, EventCounts counts)
    {
        double? bounceRate = counts.SentRecipients == 0 ? null : (double)counts.HardBouncedRecipients / counts.SentRecipients;
        double? complaintRate = counts.SentRecipients == 0 ? null : (double)counts.ComplainedRecipients / counts.SentRecipients;
        return new EventSummary
        {
            Identity = identity,
            Day = day?.ToUtcDateTime(),
            From = from.ToUtcDateTime(),
            To = to.ToUtcDateTime(),
            Sends = counts[SesEventType.Send],
            SentRecipients = counts.SentRecipients,
            Deliveries = counts[SesEventType.Delivery],
            Bounces = counts[SesEventType.Bounce],
            HardBounces = counts.HardBounces,
            SoftBounces = counts[SesEventType.Bounce] - counts.HardBounces,
            HardBouncedRecipients = counts.HardBouncedRecipients,
            Complaints = counts[SesEventType.Complaint],
            ComplainedRecipients = counts.ComplainedRecipients,
            Rejects = counts[SesEventType.Reject],
            Opens = counts[SesEventType.Open],
            Clicks = counts[SesEventType.Click],
            DeliveryDelays = counts[SesEventType.DeliveryDelay],
            RenderingFailures = counts[SesEventType.RenderingFailure],
            Subscriptions = counts[SesEventType.Subscription],
            BounceRate = bounceRate,
            ComplaintRate = complaintRate,
            Status = Rate(bounceRate, complaintRate),
        };
    }

    private static ReputationStatus Rate(double? bounceRate, double? complaintRate) => (bounceRate, complaintRate) switch
    {
        (null, _) or (_, null) => ReputationStatus.NoSends,
        ( >= BounceAtRisk, _) or (_, >= ComplaintAtRisk) => ReputationStatus.AtRisk,
        ( >= BounceWarning, _) or (_, >= ComplaintWarning) => ReputationStatus.Warning,
        _ => ReputationStatus.Healthy,
    };

    public override string ToString() => Day is { } day ? $"{Identity} {day:yyyy-MM-dd}: {Status}" : $"{Identity} {From:yyyy-MM-dd}..{To:yyyy-MM-dd}: {Status}";
}
