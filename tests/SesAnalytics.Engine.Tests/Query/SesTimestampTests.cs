using SesAnalytics.Engine.Query;

namespace SesAnalytics.Engine.Tests.Query;

public sealed class SesTimestampTests
{
    [Theory]
    [InlineData("2017-08-05T00:41:02.669Z")]
    [InlineData("2017-08-05T02:41:02.669+02:00")]
    [InlineData("2017-08-05T00:41:02.669 +0000")]
    public void ParsesEventAndNotificationFormatsToUtc(string text)
    {
        DateTimeOffset time = SesTimestamp.Parse(text)!.Value;

        Assert.Equal(new DateTimeOffset(2017, 8, 5, 0, 41, 2, 669, TimeSpan.Zero), time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday-ish")]
    public void AnythingElseIsNull(string? text) => Assert.Null(SesTimestamp.Parse(text));
}
