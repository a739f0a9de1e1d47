using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Objects;

/// <summary>Which event objects to list: a bucket, identity wildcards (none means all), event types and UTC days.</summary>
public sealed record EventObjectSelection(string BucketName, IReadOnlyList<Wildcard> Identities, IReadOnlyList<SesEventType> EventTypes, DayRange Days)
{
    /// <summary>From cmdlet parameters: no event types means all ten; no days means yesterday and today.</summary>
    public static EventObjectSelection Create(string bucketName, IEnumerable<string>? identities, IEnumerable<SesEventType>? eventTypes, DateTime? from, DateTime? to, DateTime utcNow)
    {
        List<SesEventType> types = eventTypes?.Distinct().Order().ToList() ?? [];
        return new EventObjectSelection(
            bucketName,
            (identities ?? []).Select(i => new Wildcard(i)).ToList(),
            types.Count == 0 ? SesEventTypes.All : types,
            DayRange.Resolve(from, to, utcNow));
    }
}
