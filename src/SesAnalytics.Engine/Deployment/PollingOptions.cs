namespace SesAnalytics.Engine.Deployment;

/// <summary>How often to ask CloudFormation while waiting: a short first wait that grows, so quick stacks finish quickly.</summary>
public sealed record PollingOptions(TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public static PollingOptions Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

    public TimeSpan Next(TimeSpan current) => TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, (long)(current.Ticks * 1.5)));
}
