using SesAnalytics.Engine.Time;
using System.Globalization;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Objects;

/// <summary>Reads a key of <see cref="FirehoseLayout.Prefix"/>: <c>partitioned/&lt;identity&gt;/&lt;EventType&gt;/yyyy/MM/dd/&lt;file&gt;</c>.</summary>
public static class EventObjectKey
{
    public static string IdentityPrefix(string identity) => $"{FirehoseLayout.PartitionedRoot}/{identity}/";

    public static string DayPrefix(string identity, SesEventType type, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{IdentityPrefix(identity)}{type.WireName()}/{day.ToString(FirehoseLayout.DayFormat, CultureInfo.InvariantCulture)}/");

    /// <summary>The event object a listed key is, or null when the key does not fit the layout.</summary>
    public static EventObject? Parse(string bucketName, S3ObjectSummary summary)
    {
        string[] parts = summary.Key.Split('/');
        // The identity is the raw partition key, which may itself hold '/': count the fixed segments from both ends.
        if (parts.Length < 7 || parts[0] != FirehoseLayout.PartitionedRoot || parts[^1].Length == 0)
        {
            return null;
        }

        string identity = string.Join('/', parts[1..^5]);
        string eventType = parts[^5];
        if (!SesEventTypes.TryParse(eventType, out SesEventType type) || type.WireName() != eventType)
        {
            return null;
        }

        string dayText = string.Join('/', parts[^4..^1]);
        if (!DateOnly.TryParseExact(dayText, FirehoseLayout.DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
        {
            return null;
        }

        return new EventObject(bucketName, summary.Key, summary.Size, summary.LastModified, summary.ETag, identity, eventType, day.ToUtcDateTime());
    }
}
