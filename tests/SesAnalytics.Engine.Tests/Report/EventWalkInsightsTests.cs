using SesAnalytics.Engine.Report;

namespace SesAnalytics.Engine.Tests.Report;

public sealed class EventWalkInsightsTests
{
    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        var histogram = new SortedDictionary<long, long>();
        foreach (long millis in Enumerable.Range(1, 100))
        {
            histogram[millis * 10] = 1;
        }

        DeliveryTimes times = EventWalkInsights.Percentiles("example.com", histogram);

        Assert.Equal(new DeliveryTimes("example.com", 100, 500, 900, 990, 1000), times);
    }

    [Fact]
    public void One_delivery_is_every_percentile() =>
        Assert.Equal(
            new DeliveryTimes("a", 3, 7, 7, 7, 7),
            EventWalkInsights.Percentiles("a", new SortedDictionary<long, long> { [7] = 3 }));

    [Fact]
    public void Rates_are_empty_without_deliveries_or_opens()
    {
        Engagement none = Engagement.Of("campaign=x", 0, 0, 0);

        Assert.Null(none.OpenRate);
        Assert.Null(none.ClickToOpenRate);
        Assert.Equal(0.25, Engagement.Of("y", 8, 4, 1).ClickToOpenRate);
    }
}
