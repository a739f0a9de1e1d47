using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Query;

public sealed class EventsQueryTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 3, 8);
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Events_of_a_partition_come_in_the_order_they_happened_whatever_the_object_order()
    {
        // Bounce at 17:14:30.701, complaint at 18:00, sends at the mail's 17:14:29.713: objects hold them out of order.
        _store.Add("example.com", "Complaint", Day, SesRecords.Complaint("example.com", "c@example.net"));
        _store.Add("example.com", "Bounce", Day, SesRecords.Bounce("example.com", "Permanent", "b@example.net"));
        _store.Add("example.com", "Send", Day, SesRecords.Send("example.com", "s@example.net"));
        _store.Add("alpha.example", "Send", Day, SesRecords.Send("alpha.example", "a@example.net"));

        List<SesEvent> events = LocalStoreQueries
            .Events(_store.Root, EventQuery.AllEvents(new DayRange(Day, Day)), [], new RecordingSink(), default)
            .ToList();

        Assert.Equal(["alpha.example", "example.com", "example.com", "example.com"], events.Select(e => e.Identity));
        Assert.Equal([SesEventType.Send, SesEventType.Send, SesEventType.Bounce, SesEventType.Complaint], events.Select(e => e.EventType));
        Assert.Equal(events.Skip(1).Select(e => e.Timestamp).Order(), events.Skip(1).Select(e => e.Timestamp));
    }

    [Fact]
    public void A_type_named_twice_reads_its_events_once()
    {
        _store.Add("example.com", "Send", Day, SesRecords.Send("example.com", "s@example.net"));

        var query = new EventQuery([], [SesEventType.Send, SesEventType.Send], new DayRange(Day, Day), [], []);

        Assert.Single(LocalStoreQueries.Events(_store.Root, query, [], new RecordingSink(), default));
        Assert.Equal([SesEventType.Send], query.EventTypes);
    }

    [Fact]
    public void A_line_that_is_not_an_SES_event_is_reported_with_its_partition_and_skipped()
    {
        _store.Add("example.com", "Send", Day, """{"eventType":"Nonsense"}""", SesRecords.Send("example.com", "s@example.net"));
        var sink = new RecordingSink();

        List<SesEvent> events = LocalStoreQueries.Events(_store.Root, EventQuery.AllEvents(new DayRange(Day, Day)), [], sink, default).ToList();

        Assert.Single(events);
        SesAnalytics.Engine.Errors.SesAnalyticsException error = Assert.Single(sink.Errors);
        Assert.Equal("InvalidStoredEvent", error.ErrorId);
        Assert.Contains("example.com partition of 2024-03-08", error.Message, StringComparison.Ordinal);
    }
}
