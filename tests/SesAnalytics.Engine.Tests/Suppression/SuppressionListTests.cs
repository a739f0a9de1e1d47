using SesAnalytics.Engine.Aws.SesV2.Model;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Suppression;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Suppression;

/// <summary>Listing (every page, the filters), direct lookups and removal against the SES v2 fake.</summary>
public sealed class SuppressionListTests : IDisposable
{
    private static readonly DateTime Day = new(2024, 3, 8, 0, 0, 0, DateTimeKind.Utc);
    private readonly SuppressionFixture _fixture = new();
    private readonly RecordingSink _sink = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Every_page_is_read_and_every_address_streamed_once()
    {
        for (int i = 0; i < 7; i++)
        {
            _fixture.Ses.Suppress($"r{i}@example.net", i % 2 == 0 ? "BOUNCE" : "COMPLAINT", Day.AddHours(i));
        }

        _fixture.Ses.SuppressionPageSize = 3;

        List<SuppressedAddress> listed = await List(new SuppressionListFilter());

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"r{i}@example.net"), listed.Select(a => a.EmailAddress));
        Assert.Equal(3, _fixture.Calls.Count);
        Assert.Equal(Day.AddHours(3), listed[3].LastUpdateTime);
        Assert.Equal(DateTimeKind.Utc, listed[3].LastUpdateTime.Kind);
        Assert.Equal("COMPLAINT", listed[3].Reason);
        Assert.All(listed, a => Assert.Null(a.MessageId));
        Assert.True(_sink.Progresses.Last().Completed);
    }

    [Fact]
    public async Task Reason_and_dates_are_filtered_by_SES()
    {
        _fixture.Ses.Suppress("old@example.net", "BOUNCE", Day.AddDays(-10));
        _fixture.Ses.Suppress("new@example.net", "BOUNCE", Day);
        _fixture.Ses.Suppress("angry@example.net", "COMPLAINT", Day);

        List<SuppressedAddress> listed = await List(new SuppressionListFilter { Reasons = ["BOUNCE"], StartDate = Day.AddDays(-1), EndDate = Day.AddDays(1) });

        Assert.Equal(["new@example.net"], listed.Select(a => a.EmailAddress));
    }

    [Fact]
    public async Task A_lookup_gives_the_message_and_feedback_ids()
    {
        _fixture.Ses.Suppress("a@example.net", "COMPLAINT", Day, "msg-1", "feedback-1");

        SuppressedAddress found = await new SuppressionList(_fixture.Client, Fast(), _sink).GetAsync("A@example.net", default);

        Assert.Equal(new SuppressedAddress("a@example.net", "COMPLAINT", Day, "msg-1", "feedback-1"), found);
        Assert.Equal("a@example.net", found.ToString());
    }

    [Fact]
    public async Task A_lookup_of_an_address_not_on_the_list_is_ObjectNotFound()
    {
        var error = await Assert.ThrowsAsync<SesAnalyticsException>(() => new SuppressionList(_fixture.Client, Fast(), _sink).GetAsync("nobody@example.net", default));

        Assert.Equal(("SesAddressNotSuppressed", ErrorKind.ObjectNotFound, "nobody@example.net"), (error.ErrorId, error.Kind, error.Target));
    }

    [Fact]
    public async Task Remove_takes_the_address_off_and_a_second_remove_is_ObjectNotFound()
    {
        _fixture.Ses.Suppress("a@example.net", "BOUNCE", Day);
        var list = new SuppressionList(_fixture.Client, Fast(), _sink);

        await list.RemoveAsync("a@example.net", default);
        var error = await Assert.ThrowsAsync<SesAnalyticsException>(() => list.RemoveAsync("a@example.net", default));

        Assert.Empty(_fixture.Ses.SuppressedAddresses);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
    }

    [Fact]
    public async Task A_throttled_page_is_retried()
    {
        _fixture.Ses.Suppress("a@example.net", "BOUNCE", Day);
        _fixture.Ses.ThrottleSuppressionCalls = 2;

        List<SuppressedAddress> listed = await List(new SuppressionListFilter());

        Assert.Single(listed);
        Assert.Equal(3, _fixture.Calls.Count);
    }

    private async Task<List<SuppressedAddress>> List(SuppressionListFilter filter)
    {
        var listed = new List<SuppressedAddress>();
        await foreach (SuppressedAddress address in new SuppressionList(_fixture.Client, Fast(), _sink).ListAsync(filter, default))
        {
            listed.Add(address);
        }

        return listed;
    }

    private static RequestPacer Fast() => new(1000);
}
