using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Query.Breakdowns;

/// <summary>
/// Folds counts of groups on days (many partitions can hold one group on one day) into summaries: counts are sums, so
/// folding is exact. Per day, rows come day by day as soon as a day's counts are in; a group's previous period is its
/// day before. With a total, one row per group over the range, the previous period the range of equal length before.
/// </summary>
internal static class SummaryRows
{
    /// <param name="counts">Ascending by day, as partitions and the Athena statements give them.</param>
    /// <param name="wholeGroups">
    /// Each row is a whole group of its day, in the order rows are written (one identity's partition counts): written as
    /// it comes, so the first day's rows are out while later partitions are still being read.
    /// </param>
    public static IEnumerable<EventSummary> Build(IEnumerable<GroupedCounts> counts, SummaryRequest request, bool wholeGroups) =>
        request.Total ? Totals(counts, request) : wholeGroups ? Streamed(counts, request) : PerDay(counts, request);

    private static IEnumerable<EventSummary> Streamed(IEnumerable<GroupedCounts> counts, SummaryRequest request)
    {
        Dictionary<GroupValues, EventCounts> previous = [];
        Dictionary<GroupValues, EventCounts> current = [];
        DateOnly? day = null;
        foreach (GroupedCounts row in counts)
        {
            if (day is { } open && row.Day != open)
            {
                previous = row.Day == open.AddDays(1) ? current : [];
                current = [];
            }

            day = row.Day;
            current[row.Group] = row.Counts;
            if (request.Days.Contains(row.Day))
            {
                EventSummary summary = EventSummary.Create(row.Group, row.Day, row.Day, row.Day, row.Counts, request.Thresholds);
                yield return request.Compare ? summary.WithPrevious(previous.GetValueOrDefault(row.Group, EventCounts.Zero), request.Thresholds) : summary;
            }
        }
    }

    private static IEnumerable<EventSummary> PerDay(IEnumerable<GroupedCounts> counts, SummaryRequest request)
    {
        Dictionary<GroupValues, EventCounts> previous = [];
        Dictionary<GroupValues, EventCounts> current = [];
        DateOnly? day = null;
        foreach (GroupedCounts row in counts)
        {
            if (day is { } open && row.Day != open)
            {
                foreach (EventSummary summary in DayRows(open, current, previous, request))
                {
                    yield return summary;
                }

                previous = row.Day == open.AddDays(1) ? current : [];
                current = [];
            }

            day = row.Day;
            current[row.Group] = current.GetValueOrDefault(row.Group, EventCounts.Zero).Add(row.Counts);
        }

        if (day is { } last)
        {
            foreach (EventSummary summary in DayRows(last, current, previous, request))
            {
                yield return summary;
            }
        }
    }

    private static IEnumerable<EventSummary> DayRows(
        DateOnly day, Dictionary<GroupValues, EventCounts> current, Dictionary<GroupValues, EventCounts> previous, SummaryRequest request) =>
        request.Days.Contains(day)
            ? Rows(current, previous, day, day, day, request)
            : [];

    private static IEnumerable<EventSummary> Totals(IEnumerable<GroupedCounts> counts, SummaryRequest request)
    {
        Dictionary<GroupValues, EventCounts> current = [];
        Dictionary<GroupValues, EventCounts> previous = [];
        foreach (GroupedCounts row in counts)
        {
            Dictionary<GroupValues, EventCounts> period = request.Days.Contains(row.Day) ? current : previous;
            period[row.Group] = period.GetValueOrDefault(row.Group, EventCounts.Zero).Add(row.Counts);
        }

        return Rows(current, previous, null, request.Days.From, request.Days.To, request);
    }

    private static IEnumerable<EventSummary> Rows(
        Dictionary<GroupValues, EventCounts> current, Dictionary<GroupValues, EventCounts> previous, DateOnly? day, DateOnly from, DateOnly to, SummaryRequest request) =>
        current
            .OrderBy(g => g.Key, GroupOrder.Instance)
            .Select(g =>
            {
                EventSummary summary = EventSummary.Create(g.Key, day, from, to, g.Value, request.Thresholds);
                return request.Compare ? summary.WithPrevious(previous.GetValueOrDefault(g.Key, EventCounts.Zero), request.Thresholds) : summary;
            })
            .ToList();

    /// <summary>Groups in ordinal order of their values, key by key; a missing value last.</summary>
    private sealed class GroupOrder : IComparer<GroupValues>
    {
        public static GroupOrder Instance { get; } = new();

        public int Compare(GroupValues? x, GroupValues? y)
        {
            IReadOnlyList<string?> left = x!.Values, right = y!.Values;
            for (int i = 0; i < left.Count; i++)
            {
                int order = (left[i], right[i]) switch
                {
                    (null, null) => 0,
                    (null, _) => 1,
                    (_, null) => -1,
                    _ => string.CompareOrdinal(left[i], right[i]),
                };
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }
    }
}
