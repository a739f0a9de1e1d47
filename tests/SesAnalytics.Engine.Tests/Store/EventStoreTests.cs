using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Store;
using SesAnalytics.Engine.Tests.Support;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Tests.Store;

public sealed class EventStoreTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 3, 8);
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void AMissingStoreSaysHowToMakeOne()
    {
        string missing = Path.Combine(_store.Root, "nope");

        var error = Assert.Throws<SesAnalyticsException>(() => new EventStore(missing, NullOutputSink.Instance));

        Assert.Equal("StoreNotFound", error.ErrorId);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        Assert.Contains("Import-SesEvent", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileIsNotAStore()
    {
        string file = Path.Combine(_store.Root, "events.jsonl.gz");
        File.WriteAllText(file, "{}");

        var error = Assert.Throws<SesAnalyticsException>(() => new EventStore(file, NullOutputSink.Instance));

        Assert.Equal("StorePathIsFile", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.StartsWith($"'{file}' is a file, not a store folder", error.Message, StringComparison.Ordinal);
        Assert.Equal("StorePathIsFile", Assert.Throws<SesAnalyticsException>(() => EventStore.CreateEmpty(file)).ErrorId);
    }

    [Fact]
    public void AnEmptyStoreHasNoPartitions()
    {
        var sink = new RecordingSink();

        Assert.Empty(Find(new EventStore(_store.Root, sink), [], SesEventTypes.All, new DayRange(Day, Day)));
        Assert.Empty(sink.Errors);
    }

    [Fact]
    public void PartitionsAreOrderedByDayThenIdentityAndGroupEventTypes()
    {
        _store.Add("b.example", "Send", Day, SesRecords.Send("b.example", "x@y.test"));
        _store.Add("a.example", "Send", Day.AddDays(1), SesRecords.Send("a.example", "x@y.test"));
        _store.Add("a.example", "Send", Day, SesRecords.Send("a.example", "x@y.test"));
        _store.Add("a.example", "Rendering Failure", Day, SesRecords.Other("Rendering Failure", "a.example"));

        IReadOnlyList<StorePartition> partitions = Find(new EventStore(_store.Root, NullOutputSink.Instance), [], SesEventTypes.All, new DayRange(Day, Day.AddDays(1)));

        Assert.Equal(
            ["2024-03-08 a.example", "2024-03-08 b.example", "2024-03-09 a.example"],
            partitions.Select(p => $"{p.Day:yyyy-MM-dd} {p.Identity}"));
        Assert.Equal([SesEventType.Send, SesEventType.RenderingFailure], partitions[0].Folders.Select(f => f.EventType));
    }

    [Fact]
    public void IdentitiesComeInOrdinalOrderFoldersByTypeAndObjectsByName()
    {
        // Ordinal: "B" before "a" (a culture or case-blind order would put "a" first).
        _store.Add("a.example", "Delivery", Day, SesRecords.Send("a.example", "x@y.test"));
        _store.Add("a.example", "Bounce", Day, SesRecords.Bounce("a.example", "Permanent", "a@x.test"));
        _store.Add("a.example", "Send", Day, SesRecords.Send("a.example", "x@y.test"));
        _store.Add("B.example", "Send", Day, SesRecords.Send("B.example", "x@y.test"));
        string bounces = _store.FolderOf("a.example", "Bounce", Day);
        foreach (string name in new[] { "z.gz", "A.gz", "b.gz", "m.gz" })
        {
            File.Copy(Directory.GetFiles(bounces)[0], Path.Combine(bounces, "copy-" + name));
        }

        IReadOnlyList<StorePartition> partitions = Find(new EventStore(_store.Root, NullOutputSink.Instance), [], SesEventTypes.All, new DayRange(Day, Day));

        Assert.Equal(["B.example", "a.example"], partitions.Select(p => p.Identity));
        Assert.Equal([SesEventType.Send, SesEventType.Bounce, SesEventType.Delivery], partitions[1].Folders.Select(f => f.EventType));
        string[] names = [.. partitions[1].Folders[1].Objects.Select(Path.GetFileName)!];
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(5, names.Length);
    }

    [Fact]
    public void OnlyTheWantedIdentitiesTypesAndDaysAreTouched()
    {
        _store.Add("example.com", "Bounce", Day, SesRecords.Bounce("example.com", "Permanent", "a@x.test"));
        // Garbage the query must never open: outside the range, another identity, another type, errors/, junk names.
        _store.AddBytes("example.com", "Bounce", Day.AddDays(-3), [1, 2, 3]);
        _store.AddBytes("other.org", "Bounce", Day, [1, 2, 3]);
        _store.AddBytes("example.com", "Send", Day, [1, 2, 3]);
        Directory.CreateDirectory(Path.Combine(_store.Root, "errors", "processing-failed", "2024", "03", "08"));
        File.WriteAllBytes(Path.Combine(_store.Root, "errors", "processing-failed", "2024", "03", "08", "x.gz"), [1, 2, 3]);
        Directory.CreateDirectory(Path.Combine(_store.Root, "partitioned", "%ZZnot-an-encoding"));
        Directory.CreateDirectory(Path.Combine(_store.FolderOf("example.com", "Bounce", Day), "..", "..", "notamonth"));
        File.WriteAllText(Path.Combine(_store.Root, "partitioned", "stray.txt"), "not a folder");

        var sink = new RecordingSink();
        List<BounceRecord> records = LocalStoreQueries.Bounces(_store.Root, EventQuery.Bounces(new DayRange(Day, Day), identities: ["example.com"]), sink, CancellationToken.None).ToList();

        Assert.Equal("a@x.test", Assert.Single(records).EmailAddress);
        Assert.Empty(sink.Errors);
        Assert.Empty(sink.Warnings);
    }

    [Fact]
    public void ALongRangeWalksTheTreeAndSkipsForeignNames()
    {
        _store.Add("example.com", "Send", new DateOnly(2023, 12, 31), SesRecords.Send("example.com", "x@y.test"));
        _store.Add("example.com", "Send", new DateOnly(2024, 6, 1), SesRecords.Send("example.com", "x@y.test"));
        _store.Add("example.com", "Send", new DateOnly(2025, 1, 1), SesRecords.Send("example.com", "x@y.test"));
        string typeFolder = Path.Combine(_store.Root, "partitioned", "example.com", "Send");
        Directory.CreateDirectory(Path.Combine(typeFolder, "2024", "13", "01"));
        Directory.CreateDirectory(Path.Combine(typeFolder, "2024", "02", "30"));
        Directory.CreateDirectory(Path.Combine(typeFolder, "latest", "01", "01"));

        IReadOnlyList<StorePartition> partitions = Find(
            new EventStore(_store.Root, NullOutputSink.Instance),
            [],
            [SesEventType.Send],
            new DayRange(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)));

        Assert.Equal(new DateOnly(2024, 6, 1), Assert.Single(partitions).Day);
    }

    [Fact]
    public void IdentityFoldersAreDecoded()
    {
        _store.Add("we|rd:id", "Send", Day, SesRecords.Send("we|rd:id", "x@y.test"));

        StorePartition partition = Assert.Single(Find(new EventStore(_store.Root, NullOutputSink.Instance), [new Wildcard("we|rd*")], [SesEventType.Send], new DayRange(Day, Day)));

        Assert.Equal("we|rd:id", partition.Identity);
    }

    private static IReadOnlyList<StorePartition> Find(EventStore store, IReadOnlyCollection<Wildcard> identities, IReadOnlyCollection<SesEventType> types, DayRange days) =>
        store.FindPartitions(identities, types, days);
}
