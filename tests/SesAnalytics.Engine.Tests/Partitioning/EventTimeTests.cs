using System.Text.Json;
using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Tests.Partitioning;

public sealed class EventTimeTests
{
    [Theory]
    [InlineData("{\"eventType\":\"Bounce\",\"bounce\":{\"timestamp\":\"2017-08-05T00:41:02.669Z\"},\"mail\":{\"timestamp\":\"2017-08-04T23:59:59.000Z\"}}", "2017-08-05T00:41:02.6690000+00:00")]
    [InlineData("{\"eventType\":\"Send\",\"mail\":{\"timestamp\":\"2017-08-04T23:59:59.000Z\"}}", "2017-08-04T23:59:59.0000000+00:00")]
    [InlineData("{\"notificationType\":\"Delivery\",\"delivery\":{\"timestamp\":\"2018-10-08T14:05:45 +0000\"},\"mail\":{}}", "2018-10-08T14:05:45.0000000+00:00")]
    [InlineData("{\"eventType\":\"Open\",\"mail\":{\"timestamp\":\"2018-10-08T23:05:45-0200\"}}", "2018-10-09T01:05:45.0000000+00:00")]
    public void FindsTheEventsOwnTimeInUtc(string record, string expected)
    {
        using JsonDocument document = JsonDocument.Parse(record);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), EventTime.Find(document.RootElement));
    }

    [Theory]
    [InlineData("{\"eventType\":\"Send\"}")]
    [InlineData("{\"mail\":{\"timestamp\":\"yesterday\"}}")]
    [InlineData("[1]")]
    public void NoTimeWhenTheRecordHasNone(string record)
    {
        using JsonDocument document = JsonDocument.Parse(record);

        Assert.Null(EventTime.Find(document.RootElement));
    }
}
