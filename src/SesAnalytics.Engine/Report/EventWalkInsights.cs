using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query;

namespace SesAnalytics.Engine.Report;

/// <summary>
/// Engagement and delivery times from the Delivery, Open and Click events themselves, read once: exact, and as slow as
/// reading those events. Campaign tags are the message tags that are not SES's own (<c>ses:</c>).
/// </summary>
public sealed class EventWalkInsights(IReportQueries queries) : IReportInsights
{
    private static readonly IReadOnlyList<SesEventType> Types = [SesEventType.Delivery, SesEventType.Open, SesEventType.Click];

    public async Task<EventInsights> ReadAsync(EventQuery query, CancellationToken cancellationToken)
    {
        var identities = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var tags = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var times = new SortedDictionary<string, SortedDictionary<long, long>>(StringComparer.Ordinal);
        var accounts = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (SesEvent evt in queries.EventsAsync(query with { EventTypes = Types }, cancellationToken).ConfigureAwait(false))
        {
            if (evt.Mail.SendingAccountId is { Length: > 0 } account)
            {
                accounts.Add(account);
            }

            Count(evt, Of(identities, evt.Identity));
            foreach (string tag in CampaignTags(evt.Mail))
            {
                Count(evt, Of(tags, tag));
            }

            if (evt is DeliveryEvent { Delivery.ProcessingTimeMillis: { } millis })
            {
                SortedDictionary<long, long> histogram = times.TryGetValue(evt.Identity, out var found) ? found : times[evt.Identity] = [];
                histogram[millis] = histogram.GetValueOrDefault(millis) + 1;
            }
        }

        var engagement = new EngagementSection(
            identities.Select(i => i.Value.ToEngagement(i.Key)).ToList(),
            tags.OrderByDescending(t => t.Value.Delivered).ThenBy(t => t.Key, StringComparer.Ordinal)
                .Take(ReportLimits.Tags).Select(t => t.Value.ToEngagement(t.Key)).ToList());
        return new EventInsights(engagement, times.Select(t => Percentiles(t.Key, t.Value)).ToList(), accounts.ToList());
    }

    /// <summary>Nearest-rank percentiles: the smallest time that at least p of the deliveries took no longer than.</summary>
    internal static DeliveryTimes Percentiles(string identity, SortedDictionary<long, long> histogram)
    {
        long count = histogram.Values.Sum();
        long? At(double p)
        {
            long rank = Math.Max(1, (long)Math.Ceiling(p * count));
            long seen = 0;
            foreach ((long millis, long times) in histogram)
            {
                seen += times;
                if (seen >= rank)
                {
                    return millis;
                }
            }

            return null;
        }

        return new DeliveryTimes(identity, count, At(0.50), At(0.90), At(0.99), count == 0 ? null : histogram.Keys.Last());
    }

    private static IEnumerable<string> CampaignTags(MailInfo mail) =>
        mail.Tags
            .Where(t => !t.Key.StartsWith("ses:", StringComparison.Ordinal))
            .SelectMany(t => t.Value.Distinct(StringComparer.Ordinal).Select(v => $"{t.Key}={v}"));

    private static Tally Of<TKey>(IDictionary<TKey, Tally> tallies, TKey key) =>
        tallies.TryGetValue(key, out Tally? tally) ? tally : tallies[key] = new Tally();

    private static void Count(SesEvent evt, Tally tally)
    {
        switch (evt.EventType)
        {
            case SesEventType.Delivery:
                tally.Delivered++;
                break;
            case SesEventType.Open:
                tally.Opened.Add(evt.MessageId);
                break;
            case SesEventType.Click:
                tally.Clicked.Add(evt.MessageId);
                break;
        }
    }

    private sealed class Tally
    {
        public long Delivered { get; set; }

        public HashSet<string> Opened { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Clicked { get; } = new(StringComparer.Ordinal);

        public Engagement ToEngagement(string name) => Engagement.Of(name, Delivered, Opened.Count, Clicked.Count);
    }
}
