using SesAnalytics.Engine.Deployment;

namespace SesAnalytics.Engine.Tests.Deployment;

public sealed class PollingOptionsTests
{
    [Fact]
    public void A_stack_that_settles_at_once_is_seen_done_within_a_second()
    {
        TimeSpan first = PollingOptions.Default.FirstDelay;
        TimeSpan second = PollingOptions.Default.Next(first);

        Assert.True(first + second < TimeSpan.FromSeconds(1), $"{first} then {second}");
    }

    [Fact]
    public void The_delay_grows_to_ten_seconds_and_stays_there()
    {
        List<TimeSpan> delays = Schedule(PollingOptions.Default).Take(30).ToList();

        Assert.All(delays.Zip(delays.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        Assert.Equal(TimeSpan.FromSeconds(10), delays[^1]);
    }

    [Fact]
    public void A_ten_minute_deployment_costs_fewer_than_seventy_polls()
    {
        TimeSpan elapsed = TimeSpan.Zero;
        int polls = 0;
        foreach (TimeSpan delay in Schedule(PollingOptions.Default))
        {
            elapsed += delay;
            if (elapsed > TimeSpan.FromMinutes(10))
            {
                break;
            }

            polls++;
        }

        Assert.InRange(polls, 60, 69);
    }

    private static IEnumerable<TimeSpan> Schedule(PollingOptions polling)
    {
        for (TimeSpan delay = polling.FirstDelay; ; delay = polling.Next(delay))
        {
            yield return delay;
        }
    }
}
