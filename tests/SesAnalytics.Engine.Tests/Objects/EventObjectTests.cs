using System.Text.Json.Nodes;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Objects;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Select;
using SesAnalytics.Engine.Tests.Aws.S3;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Objects;

public sealed class EventObjectTests : IDisposable
{
    private const string Day = "2026/11/24";
    private static readonly DateTime Today = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    private readonly S3Fake _fake = new();
    private readonly S3Client _s3;
    private readonly string _store = Path.Combine(Path.GetTempPath(), "ses-save-" + Guid.NewGuid().ToString("N"));

    public EventObjectTests()
    {
        _s3 = new S3Client(S3ClientTests.Context(_fake.Endpoint));
    }

    public void Dispose()
    {
        _s3.Dispose();
        _fake.Dispose();
        if (Directory.Exists(_store))
        {
            Directory.Delete(_store, recursive: true);
        }
    }

    [Theory]
    [InlineData("partitioned/example.com/Bounce/2026/11/24/s-1-2026-11-24-08-00-00-u.gz", "example.com", "Bounce", true)]
    [InlineData("partitioned/a/b/Rendering Failure/2026/11/24/f.gz", "a/b", "Rendering Failure", true)]
    [InlineData("partitioned/example.com/Bounces/2026/11/24/f.gz", null, null, false)]
    [InlineData("partitioned/example.com/Bounce/2026/13/24/f.gz", null, null, false)]
    [InlineData("errors/processing-failed/2026/11/24/f.gz", null, null, false)]
    [InlineData("partitioned/example.com/Bounce/2026/11/24/", null, null, false)]
    public void Keys_are_read_as_the_layout_writes_them(string key, string? identity, string? eventType, bool fits)
    {
        EventObject? item = EventObjectKey.Parse("b", new S3ObjectSummary(key, 1, Today, "e"));

        Assert.Equal(fits, item is not null);
        Assert.Equal(identity, item?.Identity);
        Assert.Equal(eventType, item?.EventType);
        if (item is not null)
        {
            Assert.Equal(new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc), item.Day);
        }
    }

    [Fact]
    public async Task Listing_touches_only_the_identity_level_and_the_wanted_day_prefixes()
    {
        _fake.Put($"partitioned/mail.example.com/Bounce/{Day}/b.gz", [1]);
        _fake.Put($"partitioned/mail.example.com/Send/{Day}/s.gz", [1]);
        _fake.Put("partitioned/mail.example.com/Bounce/2026/11/20/old.gz", [1]);
        _fake.Put($"partitioned/other.org/Bounce/{Day}/o.gz", [1]);
        _fake.Put($"errors/processing-failed/{Day}/e.gz", [1]);

        var selection = EventObjectSelection.Create(S3Fake.Bucket, ["*.example.com"], [SesEventType.Bounce], new DateTime(2026, 11, 23), new DateTime(2026, 11, 24), Today);
        List<EventObject> found = await ListAsync(selection);

        EventObject only = Assert.Single(found);
        Assert.Equal($"partitioned/mail.example.com/Bounce/{Day}/b.gz", only.Key);
        List<string> prefixes = _fake.Lists.Select(r => r.Query["prefix"]).ToList();
        Assert.Equal("partitioned/", prefixes[0]);
        // The day prefixes are listed at once, so they may reach S3 in either order.
        Assert.Equal(["partitioned/mail.example.com/Bounce/2026/11/23/", "partitioned/mail.example.com/Bounce/2026/11/24/"], prefixes.Skip(1).Order());
    }

    [Fact]
    public async Task Without_types_and_days_all_ten_types_of_yesterday_and_today_are_listed()
    {
        _fake.Put($"partitioned/example.com/Rendering Failure/{Day}/r.gz", [1]);

        List<EventObject> found = await ListAsync(EventObjectSelection.Create(S3Fake.Bucket, null, null, null, null, Today));

        Assert.Equal("Rendering Failure", Assert.Single(found).EventType);
        Assert.Equal(1 + (10 * 2), _fake.Lists.Count());
    }

    [SkippableFact]
    public async Task The_fallback_gives_the_same_records_as_S3_Select_with_one_warning()
    {
        Skip.IfNot(SesRecords.FixturesExist, "The shared fixtures folder (../shared/fixtures/ses-events) is absent in this checkout.");
        List<string> lines = Directory.GetFiles(SesRecords.FixturesFolder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!.ToJsonString()).ToList();
        string[] keys = [$"partitioned/example.com/Send/{Day}/one.gz", $"partitioned/example.com/Send/{Day}/two.gz"];
        foreach (string key in keys)
        {
            _fake.Put(key, S3Fake.Gzip(lines));
        }

        SelectQuery query = SelectQuery.Parse(SelectQuery.DefaultExpression);
        var selectSink = new RecordingSink();
        List<string> viaSelect = await ReadAllAsync(new EventObjectReader(_s3, query, clientSide: false, selectSink), keys);

        _fake.Select = S3Fake.SelectBehaviour.NotAvailable;
        var fallbackSink = new RecordingSink();
        List<string> viaFallback = await ReadAllAsync(new EventObjectReader(_s3, query, clientSide: false, fallbackSink), keys);

        Assert.Equal(lines.Count * 2, viaSelect.Count);
        Assert.Equal(viaSelect.Count, viaFallback.Count);
        Assert.All(viaSelect.Zip(viaFallback), pair => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(pair.First), JsonNode.Parse(pair.Second)), pair.Second));
        Assert.Empty(selectSink.Warnings);
        Assert.Contains("MethodNotAllowed", Assert.Single(fallbackSink.Warnings), StringComparison.Ordinal);
        // Two selects for the first reader; one refused select for the second, whose next object goes straight to GetObject.
        Assert.Equal(3, _fake.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task ClientSide_never_calls_S3_Select()
    {
        _fake.Put("o.gz", S3Fake.Gzip(["{\"eventType\":\"Send\",\"n\":1}", "{\"eventType\":\"Bounce\",\"n\":2}"]));
        var sink = new RecordingSink();
        var reader = new EventObjectReader(_s3, SelectQuery.Parse("SELECT s.n FROM S3Object[*] s WHERE s.eventType = 'Bounce'"), clientSide: true, sink);

        List<string> records = await ReadAllAsync(reader, ["o.gz"]);

        Assert.Equal(["{\"n\":2}"], records);
        Assert.DoesNotContain(_fake.Requests, r => r.Method == "POST");
        Assert.Empty(sink.Warnings);
    }

    [Fact]
    public async Task Saving_twice_copies_nothing_the_second_time_and_the_store_answers_bounce_queries()
    {
        _fake.Put($"partitioned/mail.example.com/Bounce/{Day}/ses-1-2026-11-24-08-00-00-a.gz", S3Fake.Gzip([SesRecords.Bounce("mail.example.com", "Permanent", "gone@example.net")]));
        _fake.Put($"partitioned/mail.example.com/Send/{Day}/ses-1-2026-11-24-08-00-00-b.gz", S3Fake.Gzip([SesRecords.Send("mail.example.com", "gone@example.net")]));
        _fake.Put($"partitioned/CON/Send/{Day}/ses-1-2026-11-24-08-00-00-c.gz", S3Fake.Gzip([SesRecords.Send("CON", "x@example.net")]));
        List<EventObject> objects = await ListAsync(EventObjectSelection.Create(S3Fake.Bucket, null, null, null, null, Today));
        var sink = new RecordingSink();

        SaveSummary first = await new EventObjectSaver(_s3, sink).SaveAsync(objects, _store, (_, _) => Task.FromResult(true), default);
        SaveSummary second = await new EventObjectSaver(_s3, sink).SaveAsync(objects, _store, (_, _) => Task.FromResult(true), default);

        Assert.Equal(3, first.ObjectsCopied);
        Assert.Equal(objects.Sum(o => o.Size), first.BytesCopied);
        Assert.Equal(0, second.ObjectsCopied);
        Assert.Equal(3, second.ObjectsSkipped);
        Assert.Equal(0, second.BytesCopied);
        Assert.Equal(3, _fake.Requests.Count(r => r.Method == "GET" && !r.Query.ContainsKey("list-type")));
        Assert.True(File.Exists(Path.Combine(_store, "partitioned", "%43ON", "Send", "2026", "11", "24", "ses-1-2026-11-24-08-00-00-c.gz")));
        Assert.Empty(Directory.GetFiles(_store, "*.tmp", SearchOption.AllDirectories));
        Assert.Contains(sink.Progresses, p => p.Completed);

        BounceRecord bounce = Assert.Single(LocalStoreQueries.Bounces(_store, EventQuery.Bounces(new DayRange(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24))), sink, default));
        Assert.Equal("gone@example.net", bounce.EmailAddress);
    }

    [Fact]
    public async Task A_file_deleted_from_the_store_or_a_changed_object_is_copied_again()
    {
        string key = $"partitioned/example.com/Send/{Day}/s.gz";
        _fake.Put(key, S3Fake.Gzip([SesRecords.Send("example.com", "a@example.net")]));
        List<EventObject> objects = await ListAsync(EventObjectSelection.Create(S3Fake.Bucket, null, null, null, null, Today));
        await new EventObjectSaver(_s3, new RecordingSink()).SaveAsync(objects, _store, (_, _) => Task.FromResult(true), default);

        File.Delete(EventObjectSaver.LocalPath(_store, objects[0]));
        SaveSummary afterDelete = await new EventObjectSaver(_s3, new RecordingSink()).SaveAsync(objects, _store, (_, _) => Task.FromResult(true), default);
        _fake.Put(key, S3Fake.Gzip([SesRecords.Send("example.com", "b@example.net"), SesRecords.Send("example.com", "c@example.net")]));
        List<EventObject> changed = await ListAsync(EventObjectSelection.Create(S3Fake.Bucket, null, null, null, null, Today));
        SaveSummary afterChange = await new EventObjectSaver(_s3, new RecordingSink()).SaveAsync(changed, _store, (_, _) => Task.FromResult(true), default);

        Assert.Equal(1, afterDelete.ObjectsCopied);
        Assert.Equal(1, afterChange.ObjectsCopied);
    }

    [Fact]
    public async Task Declined_objects_are_not_written()
    {
        _fake.Put($"partitioned/example.com/Send/{Day}/s.gz", S3Fake.Gzip(["{}"]));
        List<EventObject> objects = await ListAsync(EventObjectSelection.Create(S3Fake.Bucket, null, null, null, null, Today));

        SaveSummary summary = await new EventObjectSaver(_s3, new RecordingSink()).SaveAsync(objects, _store, (_, _) => Task.FromResult(false), default);

        Assert.Equal(0, summary.ObjectsCopied);
        Assert.False(Directory.Exists(Path.Combine(_store, "partitioned")));
    }

    private static async Task<List<string>> ReadAllAsync(EventObjectReader reader, IEnumerable<string> keys)
    {
        var records = new List<string>();
        foreach (string key in keys)
        {
            await foreach (string record in reader.ReadAsync(S3Fake.Bucket, key, default))
            {
                records.Add(record);
            }
        }

        return records;
    }

    [Fact]
    public async Task Many_prefixes_are_listed_several_at_once_and_still_come_in_order_with_progress()
    {
        var s3 = new ListingS3("b.example", "a.example", "c.example") { ListDelay = TimeSpan.FromMilliseconds(30) };
        var sink = new RecordingSink();
        var selection = EventObjectSelection.Create(S3Fake.Bucket, null, null, new DateTime(2026, 11, 23), new DateTime(2026, 11, 24), Today);

        var found = new List<EventObject>();
        await foreach (EventObject item in new EventObjectLister(s3, sink).ListAsync(selection, default))
        {
            found.Add(item);
        }

        Assert.Equal(2 * 3 * 10, found.Count);
        List<EventObject> expected = [.. found.OrderBy(o => o.Day).ThenBy(o => o.Identity, StringComparer.Ordinal).ThenBy(o => SesEventTypes.All.Select(t => t.WireName()).ToList().IndexOf(o.EventType))];
        Assert.Equal(expected, found);
        Assert.InRange(s3.MostListingsAtOnce, 2, 8);
        Assert.Equal("60 of 60 prefixes listed", sink.Progresses.Last().Status);
        Assert.True(sink.Progresses.Last().Completed);
    }

    private async Task<List<EventObject>> ListAsync(EventObjectSelection selection)
    {
        var found = new List<EventObject>();
        await foreach (EventObject item in new EventObjectLister(_s3, new RecordingSink()).ListAsync(selection, default))
        {
            found.Add(item);
        }

        return found;
    }
}
