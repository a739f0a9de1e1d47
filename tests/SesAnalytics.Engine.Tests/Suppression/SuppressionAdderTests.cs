using System.Diagnostics;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Suppression;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Suppression;

/// <summary>Adding idempotently against the SES v2 fake: new, already there, another reason, failures, pacing, stopping.</summary>
public sealed class SuppressionAdderTests : IDisposable
{
    private static readonly DateTime Day = new(2024, 3, 8, 0, 0, 0, DateTimeKind.Utc);
    private readonly SuppressionFixture _fixture = new();
    private readonly RecordingSink _sink = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task New_addresses_are_added_and_ones_there_for_the_reason_left_alone()
    {
        _fixture.Ses.Suppress("there@example.net", "BOUNCE", Day);

        SuppressionSummary summary = await Add(new("new@example.net", "BOUNCE"), new("there@example.net", "BOUNCE"), new("angry@example.net", "COMPLAINT"));

        Assert.Equal(new SuppressionSummary(Added: 2, Updated: 0, AlreadySuppressed: 1, Failed: 0, Skipped: 0), summary);
        Assert.Equal("COMPLAINT", _fixture.Ses.SuppressedAddresses["angry@example.net"].Reason);
        Assert.Equal(Day, _fixture.Ses.SuppressedAddresses["there@example.net"].LastUpdateTime);
        Assert.Equal(5, _fixture.Calls.Count);
        Assert.Contains(_sink.Verboses, v => v.StartsWith("'there@example.net' is on the suppression list already for BOUNCE, since 2024-03-08 00:00:00Z", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_address_there_for_another_reason_is_updated_and_said_so()
    {
        _fixture.Ses.Suppress("a@example.net", "COMPLAINT", Day);

        SuppressionSummary summary = await Add(new SuppressionRequest("a@example.net", "BOUNCE"));

        Assert.Equal(1, summary.Updated);
        Assert.Equal("BOUNCE", _fixture.Ses.SuppressedAddresses["a@example.net"].Reason);
        Assert.Equal("'a@example.net' was on the suppression list for COMPLAINT; its reason is now BOUNCE.", Assert.Single(_sink.Warnings));
    }

    [Fact]
    public async Task An_address_SES_refuses_is_its_own_error_and_the_rest_go_on()
    {
        _fixture.Ses.RejectedAddresses.Add("bad@example.net");

        SuppressionSummary summary = await Add(new("a@example.net", "BOUNCE"), new("bad@example.net", "BOUNCE"), new("b@example.net", "BOUNCE"));

        Assert.Equal((2, 1), (summary.Added, summary.Failed));
        SesAnalyticsException error = Assert.Single(_sink.Errors);
        Assert.Equal(("SesBadRequest", ErrorKind.InvalidArgument, "bad@example.net"), (error.ErrorId, error.Kind, error.Target));
        Assert.StartsWith("Could not suppress 'bad@example.net': SES GetSuppressedDestination refused 'bad@example.net'", error.Message, StringComparison.Ordinal);
        Assert.Equal(["a@example.net", "b@example.net"], _fixture.Ses.SuppressedAddresses.Keys.Order());
    }

    [Fact]
    public async Task Throttling_is_retried_within_the_address()
    {
        _fixture.Ses.ThrottleSuppressionCalls = 2;

        SuppressionSummary summary = await Add(new SuppressionRequest("a@example.net", "BOUNCE"));

        Assert.Equal(1, summary.Added);
        Assert.Equal(4, _fixture.Calls.Count);
    }

    [Fact]
    public async Task Throttling_past_the_retries_fails_that_address_only()
    {
        _fixture.Ses.ThrottleSuppressionCalls = 3;

        SuppressionSummary summary = await Add(new("a@example.net", "BOUNCE"), new("b@example.net", "BOUNCE"));

        Assert.Equal((1, 1), (summary.Added, summary.Failed));
        Assert.Equal(ErrorKind.LimitsExceeded, Assert.Single(_sink.Errors).Kind);
    }

    [Fact]
    public async Task A_declined_address_is_skipped_and_nothing_is_written()
    {
        SuppressionSummary summary = await new SuppressionAdder(_fixture.Client, new RequestPacer(1000), _sink)
            .AddAsync([new("a@example.net", "BOUNCE")], (_, _) => Task.FromResult(false), default);

        Assert.Equal(1, summary.Skipped);
        Assert.Empty(_fixture.Ses.SuppressedAddresses);
        Assert.Equal(["GET suppression/addresses/a@example.net"], _fixture.Calls);
    }

    [Fact]
    public async Task An_address_given_twice_is_added_once_with_its_first_reason()
    {
        SuppressionSummary summary = await Add(new("a@example.net", "COMPLAINT"), new("A@example.net", "BOUNCE"));

        Assert.Equal(1, summary.Added);
        Assert.Equal("COMPLAINT", Assert.Single(_fixture.Ses.SuppressedAddresses.Values).Reason);
    }

    [Fact]
    public async Task Calls_are_paced()
    {
        var watch = Stopwatch.StartNew();

        await new SuppressionAdder(_fixture.Client, new RequestPacer(20), _sink)
            .AddAsync([new("a@example.net", "BOUNCE"), new("b@example.net", "BOUNCE"), new("c@example.net", "BOUNCE")], (_, _) => Task.FromResult(true), default);

        // Six calls at 20 a second: five gaps of 50 ms at least.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(240), $"took {watch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Stopping_between_addresses_says_how_far_it_got()
    {
        using var stop = new CancellationTokenSource();
        var adder = new SuppressionAdder(_fixture.Client, new RequestPacer(1000), _sink);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => adder.AddAsync(
            [new("a@example.net", "BOUNCE"), new("b@example.net", "BOUNCE"), new("c@example.net", "BOUNCE")],
            (address, _) =>
            {
                if (address == "b@example.net")
                {
                    stop.Cancel();
                }

                return Task.FromResult(true);
            },
            stop.Token));

        Assert.Equal("Stopped after 1 of 3 address(es): 1 added, 0 updated, 0 already suppressed, 0 failed, 0 skipped; 2 not tried.", Assert.Single(_sink.Warnings));
        Assert.Equal(["a@example.net"], _fixture.Ses.SuppressedAddresses.Keys);
    }

    [Fact]
    public async Task Progress_counts_the_addresses_and_estimates_the_time_left_at_the_pace()
    {
        await new SuppressionAdder(_fixture.Client, new RequestPacer(1000), _sink)
            .AddAsync([new("a@example.net", "BOUNCE"), new("b@example.net", "BOUNCE")], (_, _) => Task.FromResult(true), default);

        var first = _sink.Progresses.First();
        Assert.Equal("0 of 2: 0 added, 0 already there, 0 failed", first.Status);
        Assert.Equal(("a@example.net", 0), (first.CurrentOperation, first.PercentComplete));
        Assert.Equal(1, first.SecondsRemaining);
        Assert.True(_sink.Progresses.Last().Completed);
    }

    private Task<SuppressionSummary> Add(params SuppressionRequest[] requests) =>
        new SuppressionAdder(_fixture.Client, new RequestPacer(1000), _sink).AddAsync(requests, (_, _) => Task.FromResult(true), default);
}
