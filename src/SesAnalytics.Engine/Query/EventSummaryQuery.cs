using System.Data.Common;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// Counts the events of one partition, one row per event type present. Only Send, Bounce and Complaint lines are
/// parsed, and only for the fields a rate needs; every other type is a line count.
/// </summary>
public sealed class EventSummaryQuery : IPartitionQuery<PartitionCounts>
{
    private const string Permanent = "'Permanent'";

    // With ignore_errors a line that does not parse still yields a row, of NULLs: count only rows that are events.
    private const string ParsedEvents = "count(coalesce(eventType, notificationType))";
    private const string Lines = "count(json)";

    public SqlStatement Render(StorePartition partition, bool ignoreErrors)
    {
        IEnumerable<string> parts = partition.Folders
            .Select(f => f.EventType)
            .Distinct()
            .Order()
            .Select(type => CountOf(type, partition.Objects(type), ignoreErrors));
        return new SqlStatement(string.Join("\nUNION ALL\n", parts), []);
    }

    public IEnumerable<PartitionCounts> Read(DbDataReader reader, StorePartition partition)
    {
        var events = new Dictionary<SesEventType, long>();
        long sentRecipients = 0, hardBounces = 0, hardBouncedRecipients = 0, complainedRecipients = 0;
        while (reader.Read())
        {
            SesEventType type = Enum.Parse<SesEventType>(reader.GetString(0));
            events[type] = reader.GetInt64(1);
            switch (type)
            {
                case SesEventType.Send:
                    sentRecipients = reader.GetInt64(2);
                    break;
                case SesEventType.Bounce:
                    hardBounces = reader.GetInt64(3);
                    hardBouncedRecipients = reader.GetInt64(4);
                    break;
                case SesEventType.Complaint:
                    complainedRecipients = reader.GetInt64(2);
                    break;
            }
        }

        yield return new PartitionCounts(partition.Identity, partition.Day, new EventCounts
        {
            Events = events,
            SentRecipients = sentRecipients,
            HardBounces = hardBounces,
            HardBouncedRecipients = hardBouncedRecipients,
            ComplainedRecipients = complainedRecipients,
        });
    }

    private static string CountOf(SesEventType type, IReadOnlyList<string> objects, bool ignoreErrors)
    {
        string label = DuckDbJson.Literal(type.ToString());
        return type switch
        {
            SesEventType.Send =>
                $"SELECT {label}, {ParsedEvents}, {Sum("len(mail.destination)")}, 0::BIGINT, 0::BIGINT " +
                $"FROM {DuckDbJson.Read(objects, Columns(DuckDbJson.Column("mail", DuckDbJson.Struct(("destination", "VARCHAR[]")))), ignoreErrors)}",
            SesEventType.Bounce =>
                $"SELECT {label}, {ParsedEvents}, {Sum("len(bounce.bouncedRecipients)")}, count(*) FILTER (WHERE bounce.bounceType = {Permanent}), " +
                $"{Sum("len(bounce.bouncedRecipients)", $"bounce.bounceType = {Permanent}")} " +
                $"FROM {DuckDbJson.Read(objects, Columns(DuckDbJson.Column("bounce", DuckDbJson.Struct(("bounceType", "VARCHAR"), ("bouncedRecipients", "JSON[]")))), ignoreErrors)}",
            SesEventType.Complaint =>
                $"SELECT {label}, {ParsedEvents}, {Sum("len(complaint.complainedRecipients)")}, 0::BIGINT, 0::BIGINT " +
                $"FROM {DuckDbJson.Read(objects, Columns(DuckDbJson.Column("complaint", DuckDbJson.Struct(("complainedRecipients", "JSON[]")))), ignoreErrors)}",
            _ => $"SELECT {label}, {Lines}, 0::BIGINT, 0::BIGINT, 0::BIGINT FROM {DuckDbJson.ReadObjects(objects, ignoreErrors)}",
        };
    }

    private static string Columns(string detail) =>
        string.Join(", ", DuckDbJson.Column("eventType", "VARCHAR"), DuckDbJson.Column("notificationType", "VARCHAR"), detail);

    private static string Sum(string expression, string? filter = null) =>
        $"CAST(coalesce(sum({expression}){(filter is null ? string.Empty : $" FILTER (WHERE {filter})")}, 0) AS BIGINT)";
}
