using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Tests.Events;

public sealed class SesTimestampTests
{
    [Theory]
    [InlineData("2017-08-05T00:41:02.669Z")]
    [InlineData("2017-08-05T02:41:02.669+02:00")]
    [InlineData("2017-08-05T00:41:02.669 +0000")]
    public void ParsesEventAndNotificationFormatsToUtc(string text)
    {
        Assert.True(SesTimestamp.TryParse(text, out DateTimeOffset time));

        Assert.Equal(new DateTimeOffset(2017, 8, 5, 0, 41, 2, 669, TimeSpan.Zero), time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday-ish")]
    public void AnythingElseIsRejected(string? text) => Assert.False(SesTimestamp.TryParse(text, out _));
}
