using System.Data.Common;
using System.Diagnostics;
using System.Text.Json.Nodes;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Store;
using SesAnalytics.Engine.Tests.Support;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Tests.Query;

[Collection(nameof(StopsDuckDbCollection))]
public sealed class StreamedQueryTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 3, 1);
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void StreamedBouncesComeInTheOrderOfTheOrderedStatement()
    {
        string?[] times = ["2024-03-01T00:00:00.000Z", "2024-03-01T09:30:00.5Z", null, "2024-03-01T23:59:59.999Z", "not a time", "2024-03-01T12:00:00+00:00", "2024-03-01T00:00:00Z"];
        string?[] messageIds = ["m1", "m2", "M1", "é-message", "\uE000-private", "😀-emoji", null, "m10"];
        string?[] recipients = ["z@x.test", "a@x.test", "Ä@x.test", "😀@x.test", "\uFFFD@x.test", "ab@x.test", null];
        var random = new Random(20261206);
        foreach (string identity in new[] { "a.example", "b.example", "c.example" })
        {
            for (int day = 0; day < 14; day++)
            {
                for (int obj = random.Next(0, 3); obj > 0; obj--)
                {
                    string[] lines = [.. Enumerable.Range(0, random.Next(1, 6)).Select(_ => Bounce(
                        identity,
                        times[random.Next(times.Length)],
                        messageIds[random.Next(messageIds.Length)],
                        [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => recipients[random.Next(recipients.Length)])]))];
                    _store.Add(identity, "Bounce", Day.AddDays(day), lines);
                }
            }
        }

        var days = new DayRange(Day, Day.AddDays(13));
        List<BounceRecord> streamed = LocalStoreQueries.Bounces(_store.Root, EventQuery.Bounces(days), NullOutputSink.Instance, CancellationToken.None).ToList();
        List<BounceRecord> ordered = ReadOrdered(EventQuery.Bounces(days));

        Assert.True(streamed.Count > 100, $"Only {streamed.Count} rows: the store is too small to compare.");
        // Rows equal on all three sort columns may come in either order; their sequence of keys may not.
        Assert.Equal(ordered.Select(Key), streamed.Select(Key));
        Assert.Equal(ordered.OrderBy(r => r.ToString(), StringComparer.Ordinal).ThenBy(r => r.Status), streamed.OrderBy(r => r.ToString(), StringComparer.Ordinal).ThenBy(r => r.Status));
    }

    [Fact]
    public void CancellingAStreamedReadInterruptsDuckDb()
    {
        _store.Add("example.com", "Bounce", Day, SesRecords.Bounce("example.com", "Permanent", "first@x.test"));
        _store.AddBytes("example.com", "Bounce", Day.AddDays(1), TestStore.ManyBounces(1_000_000));
        using var cancellation = new CancellationTokenSource();
        var watch = Stopwatch.StartNew();

        using IEnumerator<BounceRecord> records = LocalStoreQueries
            .Bounces(_store.Root, EventQuery.Bounces(new DayRange(Day, Day.AddDays(1))), NullOutputSink.Instance, cancellation.Token)
            .GetEnumerator();
        Assert.True(records.MoveNext());
        Assert.Equal("first@x.test", records.Current.EmailAddress);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(50));

        Assert.Throws<OperationCanceledException>(() =>
        {
            while (records.MoveNext())
            {
            }
        });
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Stopping took {watch.Elapsed}.");
    }

    [Fact]
    public void StoppingEarlyEndsTheReadAndLeavesTheRunnerUsable()
    {
        _store.Add("example.com", "Bounce", Day, SesRecords.Bounce("example.com", "Permanent", "first@x.test"));
        _store.AddBytes("example.com", "Bounce", Day.AddDays(1), TestStore.ManyBounces(1_000_000));
        _store.Add("example.com", "Bounce", Day.AddDays(2), SesRecords.Bounce("example.com", "Permanent", "third@x.test"));
        var query = EventQuery.Bounces(new DayRange(Day, Day.AddDays(2)));
        var watch = Stopwatch.StartNew();

        BounceRecord first = LocalStoreQueries.Bounces(_store.Root, query, NullOutputSink.Instance, CancellationToken.None).First();

        Assert.Equal("first@x.test", first.EmailAddress);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Stopping took {watch.Elapsed}.");
        Assert.Equal(
            ["first@x.test", "third@x.test"],
            LocalStoreQueries.Bounces(_store.Root, query with { Recipients = ["*d@x.test", "first@*"] }, NullOutputSink.Instance, CancellationToken.None).Select(r => r.EmailAddress));
    }

    [Fact]
    public void RunsKeepPartitionsReadTheSameWayTogether()
    {
        StorePartition objects = Partition(cached: false);
        StorePartition cached = Partition(cached: true);
        StorePartition mixed = new("example.com", Day, [.. objects.Folders, .. cached.Folders]);

        StorePartition[] partitions = [objects, objects, cached, cached, cached, mixed, mixed, objects];

        Assert.Equal([2, 3, 1, 1, 1], QueryRunner.Runs(partitions).Select(r => r.Count));
        Assert.Equal([256, 256, 88], QueryRunner.Runs([.. Enumerable.Repeat(objects, 600)]).Select(r => r.Count));
    }

    [Fact]
    public void SortKeysCompareAsDuckDbOrdersText()
    {
        string?[] values = ["b", "a", "ab", "", null, "é", "\uE000", "😀", "\uFFFD", "A", "a\u0000", "aa"];
        using var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using DuckDB.NET.Data.DuckDBCommand command = connection.CreateCommand();
        command.CommandText = "SELECT v FROM (VALUES " + string.Join(", ", values.Select((_, i) => $"($p{i})")) + ") t(v) ORDER BY v";
        for (int i = 0; i < values.Length; i++)
        {
            command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter($"p{i}", (object?)values[i] ?? DBNull.Value));
        }

        var duckDb = new List<string?>();
        using (DbDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                duckDb.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
            }
        }

        Assert.Equal(duckDb, values.Order(Comparer<string?>.Create(SqlSortKey.Compare)));
        Assert.True(new SqlSortKey("a", null).CompareTo(new SqlSortKey("a", "b")) > 0);
        Assert.True(new SqlSortKey("a", "b", "c").CompareTo(new SqlSortKey("a", "b", "d")) < 0);
    }

    private static (string Identity, DateTime Day, DateTime? SendTime, string? MessageId, string? EmailAddress) Key(BounceRecord record) =>
        (record.Identity, record.Day, record.SendTime, record.MessageId, record.EmailAddress);

    /// <summary>The same query through the runner's batches, whose statements order the rows with ORDER BY.</summary>
    private List<BounceRecord> ReadOrdered(EventQuery query)
    {
        IReadOnlyList<StorePartition> partitions = new EventStore(_store.Root, NullOutputSink.Instance)
            .FindPartitions(new List<Wildcard>(), [SesEventType.Bounce], query.Days);
        using var runner = new QueryRunner(NullOutputSink.Instance);
        return runner.Run(partitions, new OrderedOnly<BounceRecord>(new BounceQuery(query)), CancellationToken.None).ToList();
    }

    private static string Bounce(string identity, string? time, string? messageId, string?[] recipients) => new JsonObject
    {
        ["eventType"] = "Bounce",
        ["mail"] = new JsonObject { ["timestamp"] = time, ["source"] = identity, ["messageId"] = messageId },
        ["bounce"] = new JsonObject
        {
            ["bounceType"] = "Permanent",
            ["bouncedRecipients"] = new JsonArray([.. recipients.Select(r => (JsonNode)new JsonObject { ["emailAddress"] = r, ["status"] = "5.1.1" })]),
        },
    }.ToJsonString();

    private static StorePartition Partition(bool cached) =>
        new("example.com", Day, [new StoreFolder(SesEventType.Bounce, "/store/example.com/Bounce", ["/store/o.gz"]) { Cache = cached ? "/cache/events.parquet" : null }]);

    /// <summary>A batch query the runner cannot stream: it reads it with ORDER BY.</summary>
    private sealed class OrderedOnly<T>(IPartitionBatchQuery<T> query) : IPartitionBatchQuery<T>
    {
        public SqlStatement Render(StorePartition partition, bool ignoreErrors) => query.Render(partition, ignoreErrors);

        public SqlStatement Render(IReadOnlyList<StorePartition> partitions, bool ignoreErrors) => query.Render(partitions, ignoreErrors);

        public IEnumerable<T> Read(DbDataReader reader, StorePartition partition) => query.Read(reader, partition);

        public IEnumerable<T> Read(DbDataReader reader, IReadOnlyList<StorePartition> partitions) => query.Read(reader, partitions);
    }
}
