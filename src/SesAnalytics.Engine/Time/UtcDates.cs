namespace SesAnalytics.Engine.Time;

/// <summary>
/// The engine files events by UTC day (<see cref="DateOnly"/>); what it hands out is PowerShell's <c>[datetime]</c>: UTC,
/// Kind Utc, a day at midnight. These two conversions are the bridge between the two.
/// </summary>
public static class UtcDates
{
    /// <summary>Midnight UTC of <paramref name="day"/>.</summary>
    public static DateTime ToUtcDateTime(this DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The UTC day of <paramref name="time"/>; a local time is converted first, an unspecified one taken as UTC.</summary>
    public static DateOnly ToUtcDay(this DateTime time) =>
        DateOnly.FromDateTime(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time);
}
