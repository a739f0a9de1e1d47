using SesAnalytics.Engine.Query.Grouping;
namespace SesAnalytics;

/// <summary>
/// How long SES took to deliver the mail of one group, on one day (<see cref="Day"/> set) or over a whole range: the
/// nearest-rank percentiles of the Delivery events' <c>processingTimeMillis</c> (from SES accepting the message to the
/// receiving server accepting it). With recipient-domain grouping a Delivery event counts in the group of each domain it
/// delivered to. Times are null when no Delivery event of the group carries one.
/// </summary>
public sealed record DeliveryTimeSummary : GroupedRow
{
    internal DeliveryTimeSummary(GroupValues group, DateOnly? day, DateOnly from, DateOnly to)
        : base(group, day, from, to)
    {
    }

    public long Deliveries { get; init; }

    public long DeliveredRecipients { get; init; }

    public TimeSpan? P50 { get; init; }

    public TimeSpan? P90 { get; init; }

    public TimeSpan? P99 { get; init; }

    public TimeSpan? Max { get; init; }

    public override string ToString() =>
        $"{Group} {(Day is { } day ? day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "total")}: p50 {P50}, p90 {P90}, p99 {P99}";
}
