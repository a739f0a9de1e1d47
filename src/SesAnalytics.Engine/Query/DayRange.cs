using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Query;

/// <summary>An inclusive range of UTC days, the unit the store (and Athena's day projection) is partitioned by.</summary>
public sealed record DayRange
{
    public DayRange(DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            throw new InvalidInputException(
                "InvalidDayRange",
                $"The day range starts on {from:yyyy-MM-dd}, after its end {to:yyyy-MM-dd}; give a -From that is on or before -To.",
                $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
        }

        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public int DayCount => To.DayNumber - From.DayNumber + 1;

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, DayCount).Select(From.AddDays);

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>
    /// The days between -From and -To, each end open when not given: every day a store can hold without either (what
    /// the commands that manage a store, not question it, look at).
    /// </summary>
    public static DayRange Bounded(DateTime? from, DateTime? to) =>
        new(from?.ToUtcDay() ?? DateOnly.FromDateTime(DateTime.UnixEpoch), to?.ToUtcDay() ?? DateOnly.MaxValue);

    /// <summary>
    /// The range a user asked for. Without -From and -To it is yesterday and today (UTC), as in the article's query;
    /// -From alone runs through today; -To alone starts the day before it. A local time is converted to UTC first; a
    /// time without a kind (what <c>-From 2024-03-08</c> gives) is taken as a UTC day.
    /// </summary>
    public static DayRange Resolve(DateTime? from, DateTime? to, DateTime utcNow)
    {
        DateOnly last = to is { } end ? end.ToUtcDay() : DateOnly.FromDateTime(utcNow);
        DateOnly first = from is { } start ? start.ToUtcDay() : last.AddDays(-1);
        return new DayRange(first, last);
    }
}
