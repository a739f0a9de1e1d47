using System.Globalization;
using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Query.Athena;

/// <summary>
/// The counts of <see cref="EventSummaryQuery"/> in Athena's SQL: one row per identity, day and event type, with the
/// recipients the rates need, so both give equal <see cref="EventSummary"/>s. Each row's type says which counts it holds.
/// </summary>
public static class AthenaSummaryQuery
{
    public static AthenaStatement Render(EventQuery query, IReadOnlyList<string> identities, AthenaTarget target)
    {
        var parameters = new AthenaParameters();
        string text = $"""
            SELECT
                {AthenaPartitions.Identity}, {AthenaPartitions.Day}, {AthenaPartitions.EventType},
                count(*),
                coalesce(sum(cardinality(mail.destination)), 0),
                count_if(bounce.bouncetype = 'Permanent'),
                coalesce(sum(CASE WHEN bounce.bouncetype = 'Permanent' THEN cardinality(bounce.bouncedrecipients) END), 0),
                coalesce(sum(cardinality(complaint.complainedrecipients)), 0)
            FROM {target.QualifiedTable}
            WHERE {AthenaPartitions.Condition(parameters, identities, query.EventTypes, query.Days)}
            GROUP BY {AthenaPartitions.Day}, {AthenaPartitions.Identity}, {AthenaPartitions.EventType}
            ORDER BY {AthenaPartitions.Day}, {AthenaPartitions.Identity}, {AthenaPartitions.EventType}
            """;
        return new AthenaStatement(text, parameters.Values);
    }

    /// <summary>Folds the rows (ordered by day, then identity) into one <see cref="PartitionCounts"/> per identity and day.</summary>
    public static async IAsyncEnumerable<PartitionCounts> ReadAsync(IAsyncEnumerable<AthenaRow> rows)
    {
        PartitionCounts? current = null;
        await foreach (AthenaRow row in rows.ConfigureAwait(false))
        {
            string identity = row[0] ?? string.Empty;
            DateOnly day = AthenaPartitions.ParseDay(row[1]);
            if (current is not null && (current.Identity != identity || current.Day != day))
            {
                yield return current;
                current = null;
            }

            current ??= new PartitionCounts(identity, day, EventCounts.Zero);
            current = current with { Counts = current.Counts.Add(Counts(row)) };
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    private static EventCounts Counts(AthenaRow row)
    {
        if (!SesEventTypes.TryParse(row[2], out SesEventType type))
        {
            return EventCounts.Zero;
        }

        return new EventCounts
        {
            Events = new Dictionary<SesEventType, long> { [type] = Number(row[3]) },
            SentRecipients = type == SesEventType.Send ? Number(row[4]) : 0,
            HardBounces = type == SesEventType.Bounce ? Number(row[5]) : 0,
            HardBouncedRecipients = type == SesEventType.Bounce ? Number(row[6]) : 0,
            ComplainedRecipients = type == SesEventType.Complaint ? Number(row[7]) : 0,
        };
    }

    private static long Number(string? text) => long.Parse(text ?? "0", NumberStyles.Integer, CultureInfo.InvariantCulture);
}
