namespace SesAnalytics.Engine.Time;

/// <summary>
/// The engine's one notion of "now": what "today" means for default day ranges, where generated samples end, and the
/// arrival time Import-SesEvent stamps. Tests set <see cref="Provider"/> to pin the day; the module never changes it.
/// </summary>
public static class Clock
{
    public static TimeProvider Provider { get; set; } = TimeProvider.System;

    public static DateTimeOffset UtcNow => Provider.GetUtcNow();

    /// <summary>Today in UTC, the calendar SES and Firehose file events by.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(UtcNow.UtcDateTime);
}
