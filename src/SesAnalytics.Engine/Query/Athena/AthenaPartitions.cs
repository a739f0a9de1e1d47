using System.Globalization;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Query.Athena;

/// <summary>
/// The condition on all three partition columns that every generated query carries: Athena then reads only those S3
/// prefixes, and it requires one on the injected <c>sender_identity</c>.
/// </summary>
internal static class AthenaPartitions
{
    public const string Identity = "\"sender_identity\"";
    public const string EventType = "\"event_type\"";
    public const string Day = "\"day\"";

    public static string Condition(AthenaParameters parameters, IReadOnlyList<string> identities, IEnumerable<SesEventType> eventTypes, DayRange days) =>
        $"{Identity} IN ({parameters.BindAll(identities)})\n" +
        $"  AND {EventType} IN ({parameters.BindAll(eventTypes.Distinct().Order().Select(t => t.WireName()))})\n" +
        $"  AND {Day} IN ({parameters.BindAll(days.Days.Select(ToText))})";

    public static string ToText(DateOnly day) => day.ToString(FirehoseLayout.DayFormat, CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string? text) =>
        DateOnly.ParseExact(text ?? string.Empty, FirehoseLayout.DayFormat, CultureInfo.InvariantCulture);
}
