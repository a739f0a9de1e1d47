using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Query;

namespace SesAnalytics.Engine.Tests.Query;

public sealed class DayRangeTests
{
    private static readonly DateTime Now = new(2024, 3, 8, 1, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void TheDefaultIsYesterdayAndTodayUtc()
    {
        DayRange range = DayRange.Resolve(null, null, Now);

        Assert.Equal((new DateOnly(2024, 3, 7), new DateOnly(2024, 3, 8)), (range.From, range.To));
    }

    [Fact]
    public void FromAloneRunsThroughToday()
    {
        DayRange range = DayRange.Resolve(new DateTime(2024, 3, 1), null, Now);

        Assert.Equal((new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 8)), (range.From, range.To));
        Assert.Equal(8, range.DayCount);
    }

    [Fact]
    public void ALocalTimeIsConvertedToUtcFirst()
    {
        DateTime local = new DateTime(2024, 3, 8, 12, 0, 0, DateTimeKind.Utc).ToLocalTime();

        DayRange range = DayRange.Resolve(local, local, Now);

        Assert.Equal(new DateOnly(2024, 3, 8), range.From);
    }

    [Fact]
    public void ToBeforeFromIsRejected()
    {
        var error = Assert.Throws<InvalidInputException>(() => DayRange.Resolve(new DateTime(2024, 3, 9), new DateTime(2024, 3, 1), Now));

        Assert.Equal("InvalidDayRange", error.ErrorId);
    }
}
