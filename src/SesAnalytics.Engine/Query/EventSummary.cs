using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Time;

namespace SesAnalytics;

/// <summary>
/// Reputation summary of one group (by default one identity) for one day (<see cref="Day"/> set) or a whole range
/// (<see cref="Day"/> null). The group's values are flat properties, null where not grouped by them; <see cref="Group"/>
/// is all of them as one text. Rates are fractions (0.0123 is 1.23%) and count recipients, as SES's reputation metrics
/// do; null without sends. The Previous* properties are set when the preceding period was asked for too.
/// </summary>
public sealed record EventSummary : GroupedRow
{
    internal EventSummary(GroupValues group, DateOnly? day, DateOnly from, DateOnly to)
        : base(group, day, from, to)
    {
    }

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

    public long? PreviousSentRecipients { get; init; }

    public double? PreviousBounceRate { get; init; }

    public double? PreviousComplaintRate { get; init; }

    /// <summary>The bounce rate minus the previous period's, in fraction points (0.01 is one percentage point).</summary>
    public double? BounceRateChange { get; init; }

    /// <summary>The complaint rate minus the previous period's, in fraction points.</summary>
    public double? ComplaintRateChange { get; init; }

    public ReputationStatus? PreviousStatus { get; init; }

    /// <summary>The summary of one identity on one day, judged at the default minimum volumes.</summary>
    internal static EventSummary ForDay(PartitionCounts partition) =>
        Create(ByIdentity(partition.Identity), partition.Day, partition.Day, partition.Day, partition.Counts, ReputationThresholds.Default);

    /// <summary>One summary per identity over the whole range, in ordinal order of identity, at the default minimum volumes.</summary>
    internal static IEnumerable<EventSummary> Totals(IEnumerable<PartitionCounts> counts, DayRange days)
    {
        var byIdentity = new SortedDictionary<string, EventCounts>(StringComparer.Ordinal);
        foreach (PartitionCounts partition in counts)
        {
            byIdentity[partition.Identity] = byIdentity.GetValueOrDefault(partition.Identity, EventCounts.Zero).Add(partition.Counts);
        }

        return byIdentity.Select(i => Create(ByIdentity(i.Key), null, days.From, days.To, i.Value, ReputationThresholds.Default));
    }

    public static EventSummary Create(GroupValues group, DateOnly? day, DateOnly from, DateOnly to, EventCounts counts, ReputationThresholds thresholds)
    {
        double? bounceRate = Rate(counts.HardBouncedRecipients, counts.SentRecipients);
        double? complaintRate = Rate(counts.ComplainedRecipients, counts.SentRecipients);
        return new EventSummary(group, day, from, to)
        {
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
            Status = thresholds.Judge(counts.SentRecipients, bounceRate, complaintRate),
        };
    }

    /// <summary>This summary with the same metrics of the preceding period, and the change since.</summary>
    public EventSummary WithPrevious(EventCounts previous, ReputationThresholds thresholds)
    {
        double? bounceRate = Rate(previous.HardBouncedRecipients, previous.SentRecipients);
        double? complaintRate = Rate(previous.ComplainedRecipients, previous.SentRecipients);
        return this with
        {
            PreviousSentRecipients = previous.SentRecipients,
            PreviousBounceRate = bounceRate,
            PreviousComplaintRate = complaintRate,
            BounceRateChange = BounceRate - bounceRate,
            ComplaintRateChange = ComplaintRate - complaintRate,
            PreviousStatus = thresholds.Judge(previous.SentRecipients, bounceRate, complaintRate),
        };
    }

    public override string ToString() => Day is { } day ? $"{Group} {day:yyyy-MM-dd}: {Status}" : $"{Group} {From:yyyy-MM-dd}..{To:yyyy-MM-dd}: {Status}";

    private static GroupValues ByIdentity(string identity) => new(GroupBy.ByIdentity, [identity]);

    private static double? Rate(long recipients, long sentRecipients) => sentRecipients == 0 ? null : (double)recipients / sentRecipients;
}
