using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Tests.Events;

public sealed class SesEventTypesTests
{
    [Fact]
    public void DistinctInOrderGivesEachTypeOnceInTheEnumsOrder()
    {
        Assert.Equal(
            [SesEventType.Send, SesEventType.Bounce, SesEventType.Subscription],
            SesEventTypes.DistinctInOrder([SesEventType.Subscription, SesEventType.Bounce, SesEventType.Send, SesEventType.Bounce]));
        Assert.Empty(SesEventTypes.DistinctInOrder([]));
        Assert.Equal(SesEventTypes.All, SesEventTypes.DistinctInOrder(SesEventTypes.All.Reverse()));
    }

    [Fact]
    public void AValueThatIsNoEventTypeIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SesEventTypes.DistinctInOrder([(SesEventType)42]));
}
