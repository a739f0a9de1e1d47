namespace SesAnalytics.Engine.Deployment;

/// <summary>
/// How often to ask CloudFormation while waiting: a quarter of a second first, half as long again each time up to ten
/// seconds, so a stack that settles quickly is reported done at once and a long one costs a call pair every 10 s.
/// </summary>
public sealed record PollingOptions(TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public static PollingOptions Default { get; } = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));

    public TimeSpan Next(TimeSpan current) => TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, (long)(current.Ticks * 1.5)));
}
