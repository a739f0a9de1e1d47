using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Query.Delivery;

/// <summary>What either engine's statement gives for one group: its values, counts and nearest-rank times in milliseconds.</summary>
public sealed record DeliveryTimeRow(
    DateOnly? Day,
    GroupValues Group,
    long Deliveries,
    long DeliveredRecipients,
    long? P50,
    long? P90,
    long? P99,
    long? Max)
{
    /// <summary>The percentiles, in per cent, each statement computes, nearest-rank, in this order.</summary>
    public static IReadOnlyList<int> Percentiles { get; } = [50, 90, 99];

    /// <summary>
    /// One summary per day and group, ordered by day then group. Two rows fold into one group only when SQL could not
    /// tell their values apart (an internationalised domain written both as <c>xn--</c> and in Unicode; SES writes
    /// the first): counts add up, and the times are those of the row with more deliveries, as they cannot be merged.
    /// </summary>
    public static IEnumerable<DeliveryTimeSummary> Summaries(IEnumerable<DeliveryTimeRow> rows, DayRange days)
    {
        var folded = new Dictionary<(DateOnly?, GroupValues), DeliveryTimeRow>();
        foreach (DeliveryTimeRow row in rows)
        {
            folded[(row.Day, row.Group)] = folded.TryGetValue((row.Day, row.Group), out DeliveryTimeRow? other) ? Fold(other, row) : row;
        }

        return folded.Values
            .OrderBy(r => r.Day)
            .ThenBy(r => r.Group.Label, StringComparer.Ordinal)
            .Select(r => r.ToSummary(days));
    }

    private static DeliveryTimeRow Fold(DeliveryTimeRow a, DeliveryTimeRow b)
    {
        DeliveryTimeRow larger = a.Deliveries >= b.Deliveries ? a : b;
        return larger with
        {
            Deliveries = a.Deliveries + b.Deliveries,
            DeliveredRecipients = a.DeliveredRecipients + b.DeliveredRecipients,
            Max = a.Max is null ? b.Max : b.Max is null ? a.Max : Math.Max(a.Max.Value, b.Max.Value),
        };
    }

    private DeliveryTimeSummary ToSummary(DayRange days)
    {
        return new DeliveryTimeSummary(Group, Day, days.From, days.To)
        {
            Deliveries = Deliveries,
            DeliveredRecipients = DeliveredRecipients,
            P50 = Time(P50),
            P90 = Time(P90),
            P99 = Time(P99),
            Max = Time(Max),
        };
    }

    private static TimeSpan? Time(long? milliseconds) => milliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
}
