using System.Data.Common;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// Counts the events of one partition (or of each partition of a batch), one row per event type present. Only Send,
/// Bounce and Complaint lines are parsed, and only for the fields a rate needs; every other type is a line count.
/// </summary>
public sealed class EventSummaryQuery : IPartitionBatchQuery<PartitionCounts>
{
    private const string Permanent = "'Permanent'";

    // With ignore_errors a line that does not parse still yields a row, of NULLs: count only rows that are events.
    private const string ParsedEvents = "count(coalesce(eventType, notificationType))";
    private const string Lines = "count(json)";

    public SqlStatement Render(StorePartition partition, bool ignoreErrors)
    {
        IEnumerable<string> parts = TypesOf([partition])
            .Select(type => CountOf(type, Source(type, partition.FoldersOf(type), ignoreErrors), partitionIndex: null));
        return new SqlStatement(string.Join("\nUNION ALL\n", parts), []);
    }

    public SqlStatement Render(IReadOnlyList<StorePartition> partitions, bool ignoreErrors)
    {
        IEnumerable<string> parts = TypesOf(partitions).Select(type =>
        {
            BatchObjects batch = DuckDbJson.Batch(partitions, type);
            return CountOf(type, Source(type, batch.Folders, ignoreErrors), batch.PartitionIndex);
        });
        return new SqlStatement(string.Join("\nUNION ALL\n", parts), []);
    }

    public IEnumerable<PartitionCounts> Read(DbDataReader reader, StorePartition partition)
    {
        var tally = new Tally(partition);
        while (reader.Read())
        {
            tally.Add(reader, firstColumn: 0);
        }

        yield return tally.ToCounts();
    }

    public IEnumerable<PartitionCounts> Read(DbDataReader reader, IReadOnlyList<StorePartition> partitions)
    {
        Tally[] tallies = partitions.Select(p => new Tally(p)).ToArray();
        while (reader.Read())
        {
            tallies[reader.GetInt32(0)].Add(reader, firstColumn: 1);
        }

        return tallies.Select(t => t.ToCounts());
    }

    private static IEnumerable<SesEventType> TypesOf(IEnumerable<StorePartition> partitions) =>
        partitions.SelectMany(p => p.Folders).Select(f => f.EventType).Distinct().Order();

    /// <summary>
    /// The counts of one type as a row of label, events, recipients, hard bounces, hard-bounced recipients; with
    /// <paramref name="partitionIndex"/>, one row per partition, its index first.
    /// </summary>
    private static string CountOf(SesEventType type, string source, string? partitionIndex)
    {
        string label = DuckDbJson.Literal(type.ToString());
        string counts = type switch
        {
            SesEventType.Send => $"{label}, {ParsedEvents}, {Sum("len(mail.destination)")}, 0::BIGINT, 0::BIGINT",
            SesEventType.Bounce =>
                $"{label}, {ParsedEvents}, {Sum("len(bounce.bouncedRecipients)")}, count(*) FILTER (WHERE bounce.bounceType = {Permanent}), " +
                $"{Sum("len(bounce.bouncedRecipients)", $"bounce.bounceType = {Permanent}")}",
            SesEventType.Complaint => $"{label}, {ParsedEvents}, {Sum("len(complaint.complainedRecipients)")}, 0::BIGINT, 0::BIGINT",
            _ => $"{label}, {Lines}, 0::BIGINT, 0::BIGINT, 0::BIGINT",
        };
        return partitionIndex is null
            ? $"SELECT {counts} FROM {source}"
            : $"SELECT partition_index, {counts} FROM (SELECT {partitionIndex} AS partition_index, * FROM {source}) GROUP BY partition_index";
    }

    private static string Source(SesEventType type, IReadOnlyList<StoreFolder> folders, bool ignoreErrors) =>
        Columns(type) is { } columns ? DuckDbJson.Read(folders, columns, ignoreErrors) : DuckDbJson.ReadLines(folders, ignoreErrors);

    /// <summary>The fields a type's counts need; null for a type that is only counted by lines.</summary>
    private static DuckDbColumns? Columns(SesEventType type) => type switch
    {
        SesEventType.Send => Parsed().Add("mail.destination"),
        SesEventType.Bounce => Parsed().Add("bounce.bounceType").Add("bounce.bouncedRecipients[].emailAddress"),
        SesEventType.Complaint => Parsed().Add("complaint.complainedRecipients[].emailAddress"),
        _ => null,
    };

    private static DuckDbColumns Parsed() => new DuckDbColumns().Add("eventType").Add("notificationType");

    private static string Sum(string expression, string? filter = null) =>
        $"CAST(coalesce(sum({expression}){(filter is null ? string.Empty : $" FILTER (WHERE {filter})")}, 0) AS BIGINT)";

    /// <summary>The counts of one partition, gathered from its rows (one per event type present).</summary>
    private sealed class Tally(StorePartition partition)
    {
        // Every type with a folder is counted, as 0 when its objects hold no event.
        private readonly Dictionary<SesEventType, long> _events = partition.Folders.Select(f => f.EventType).Distinct().ToDictionary(t => t, _ => 0L);
        private long _sentRecipients;
        private long _hardBounces;
        private long _hardBouncedRecipients;
        private long _complainedRecipients;

        public void Add(DbDataReader reader, int firstColumn)
        {
            SesEventType type = Enum.Parse<SesEventType>(reader.GetString(firstColumn));
            _events[type] = reader.GetInt64(firstColumn + 1);
            switch (type)
            {
                case SesEventType.Send:
                    _sentRecipients = reader.GetInt64(firstColumn + 2);
                    break;
                case SesEventType.Bounce:
                    _hardBounces = reader.GetInt64(firstColumn + 3);
                    _hardBouncedRecipients = reader.GetInt64(firstColumn + 4);
                    break;
                case SesEventType.Complaint:
                    _complainedRecipients = reader.GetInt64(firstColumn + 2);
                    break;
            }
        }

        public PartitionCounts ToCounts() => new(partition.Identity, partition.Day, new EventCounts
        {
            Events = _events,
            SentRecipients = _sentRecipients,
            HardBounces = _hardBounces,
            HardBouncedRecipients = _hardBouncedRecipients,
            ComplainedRecipients = _complainedRecipients,
        });
    }
}
