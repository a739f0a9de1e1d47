using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Query.Engagement;

/// <summary>
/// An engagement question: opens and clicks of delivered recipients, per group and day or over the whole range.
/// An open within <see cref="ProxyOpenWindow"/> of a delivery of its message is set apart as a privacy-proxy prefetch
/// unless <see cref="IncludeProxyOpens"/>.
/// </summary>
public sealed record EngagementQuery
{
    /// <summary>
    /// Apple Mail Privacy Protection loads a message's images when the device downloads it, whether or not it is read;
    /// a person seldom opens mail within seconds of its delivery, so an open that close to it is most likely a prefetch.
    /// </summary>
    public static readonly TimeSpan DefaultProxyOpenWindow = TimeSpan.FromSeconds(5);

    /// <summary>Deliveries are read a day either side of the range, so no window may reach further.</summary>
    public static readonly TimeSpan MaxProxyOpenWindow = TimeSpan.FromHours(1);

    public EngagementQuery(IReadOnlyList<string> identities, DayRange days, GroupBy groupBy, bool total, TimeSpan proxyOpenWindow, bool includeProxyOpens)
    {
        if (proxyOpenWindow < TimeSpan.Zero || proxyOpenWindow > MaxProxyOpenWindow)
        {
            throw new InvalidInputException(
                "InvalidProxyOpenWindow",
                $"The proxy open window {proxyOpenWindow} is out of range. Give 0 to {MaxProxyOpenWindow.TotalMinutes:0} minutes (for example -ProxyOpenWindow 5 for five seconds), or -IncludeProxyOpens to count every open.",
                proxyOpenWindow);
        }

        Identities = identities;
        Days = days;
        GroupBy = groupBy;
        Total = total;
        ProxyOpenWindow = proxyOpenWindow;
        IncludeProxyOpens = includeProxyOpens;
    }

    public IReadOnlyList<string> Identities { get; }

    public DayRange Days { get; }

    public GroupBy GroupBy { get; }

    public bool Total { get; }

    public TimeSpan ProxyOpenWindow { get; }

    public bool IncludeProxyOpens { get; }

    /// <summary>The window in whole milliseconds, as both engines compare event times.</summary>
    internal long ProxyOpenWindowMilliseconds => (long)ProxyOpenWindow.TotalMilliseconds;

    /// <summary>The days whose deliveries can be an open's: an open and its delivery may lie in neighbouring day partitions.</summary>
    internal DayRange DeliveryDays => new(Days.From.AddDays(-1), Days.To.AddDays(1));
}
