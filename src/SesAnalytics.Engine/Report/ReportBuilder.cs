using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Report;

/// <summary>
/// Gathers a report: the summaries of the period and of the one before it, the bounced recipients, and the insights,
/// each through its query, with progress between the steps.
/// </summary>
public sealed class ReportBuilder(IReportQueries queries, IReportInsights insights, IOutputSink sink)
{
    public const int ProgressActivityId = 10;
    private const string Activity = "Export-SesReport";

    public async Task<SesReport> BuildAsync(DayRange days, IReadOnlyList<string> identities, CancellationToken cancellationToken)
    {
        EventQuery query = EventQuery.AllEvents(days, identities);
        var previousDays = new DayRange(days.From.AddDays(-days.DayCount), days.From.AddDays(-1));

        Step(0, "Counting the events of each identity and day");
        List<EventSummary> daily = await ToListAsync(queries.SummariesAsync(query, cancellationToken)).ConfigureAwait(false);
        Step(25, "Counting the events of the previous period");
        List<EventSummary> previous = await ToListAsync(queries.SummariesAsync(query with { Days = previousDays }, cancellationToken)).ConfigureAwait(false);
        Step(40, "Reading the bounced recipients");
        BounceTally bounces = await BounceTally.ReadAsync(queries.BouncesAsync(EventQuery.Bounces(days, identities), cancellationToken)).ConfigureAwait(false);
        Step(60, "Reading deliveries, opens and clicks");
        EventInsights found = await insights.ReadAsync(query, cancellationToken).ConfigureAwait(false);
        sink.Progress(new ProgressReport(ProgressActivityId, Activity, "Done", 100, Completed: true));

        List<EventSummary> totals = EventSummary.Totals(daily.Select(ToCounts), days).ToList();
        List<EventSummary> previousTotals = EventSummary.Totals(previous.Select(ToCounts), previousDays).ToList();
        return new SesReport
        {
            Source = queries.Source with { Accounts = found.Accounts },
            From = days.From,
            To = days.To,
            GeneratedAt = Clock.UtcNow.UtcDateTime,
            Identities = totals.Select(Overview).ToList(),
            Daily = Daily(daily, totals),
            EventMix = EventMix(totals),
            BounceKinds = bounces.Kinds(),
            DiagnosticCodes = bounces.Codes(),
            HardBounceDomains = bounces.Domains(),
            Engagement = found.Engagement,
            DeliveryTimes = found.DeliveryTimes,
            PreviousPeriod = new PeriodComparison(previousDays.From, previousDays.To, Compare(totals, previousTotals)),
        };
    }

    private void Step(int percent, string status) =>
        sink.Progress(new ProgressReport(ProgressActivityId, Activity, status, percent));

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> rows)
    {
        var list = new List<T>();
        await foreach (T row in rows.ConfigureAwait(false))
        {
            list.Add(row);
        }

        return list;
    }

    private static PartitionCounts ToCounts(EventSummary day) => new(
        IdentityOf(day),
        DateOnly.FromDateTime(day.Day ?? day.From),
        new EventCounts
        {
            Events = new Dictionary<SesEventType, long>
            {
                [SesEventType.Send] = day.Sends,
                [SesEventType.Reject] = day.Rejects,
                [SesEventType.Bounce] = day.Bounces,
                [SesEventType.Complaint] = day.Complaints,
                [SesEventType.Delivery] = day.Deliveries,
                [SesEventType.Open] = day.Opens,
                [SesEventType.Click] = day.Clicks,
                [SesEventType.RenderingFailure] = day.RenderingFailures,
                [SesEventType.DeliveryDelay] = day.DeliveryDelays,
                [SesEventType.Subscription] = day.Subscriptions,
            },
            SentRecipients = day.SentRecipients,
            HardBounces = day.HardBounces,
            HardBouncedRecipients = day.HardBouncedRecipients,
            ComplainedRecipients = day.ComplainedRecipients,
        });

    private static IdentityOverview Overview(EventSummary total) => new(
        IdentityOf(total),
        total.Sends,
        total.SentRecipients,
        total.Deliveries,
        total.Bounces,
        total.HardBouncedRecipients,
        total.Complaints,
        total.ComplainedRecipients,
        total.BounceRate,
        total.ComplaintRate,
        SendingStatus.Of(total));

    private static List<IdentityDays> Daily(List<EventSummary> daily, List<EventSummary> totals)
    {
        ILookup<string, EventSummary> byIdentity = daily.ToLookup(IdentityOf, StringComparer.Ordinal);
        return totals
            .OrderByDescending(t => t.SentRecipients).ThenBy(t => t.Identity, StringComparer.Ordinal)
            .Take(ReportLimits.DetailedIdentities)
            .Select(t => new IdentityDays(IdentityOf(t), byIdentity[IdentityOf(t)].OrderBy(d => d.Day).Select(Day).ToList()))
            .ToList();
    }

    private static DayVolume Day(EventSummary day) => new(
        DateOnly.FromDateTime(day.Day ?? day.From),
        day.Sends,
        day.SentRecipients,
        day.Deliveries,
        day.Bounces,
        day.HardBouncedRecipients,
        day.Complaints,
        day.BounceRate,
        day.ComplaintRate,
        day.Status.ToString());

    private static List<EventTypeCount> EventMix(List<EventSummary> totals)
    {
        var counts = new (SesEventType Type, long Events)[]
        {
            (SesEventType.Send, totals.Sum(t => t.Sends)),
            (SesEventType.Delivery, totals.Sum(t => t.Deliveries)),
            (SesEventType.Open, totals.Sum(t => t.Opens)),
            (SesEventType.Click, totals.Sum(t => t.Clicks)),
            (SesEventType.Bounce, totals.Sum(t => t.Bounces)),
            (SesEventType.Complaint, totals.Sum(t => t.Complaints)),
            (SesEventType.DeliveryDelay, totals.Sum(t => t.DeliveryDelays)),
            (SesEventType.Reject, totals.Sum(t => t.Rejects)),
            (SesEventType.RenderingFailure, totals.Sum(t => t.RenderingFailures)),
            (SesEventType.Subscription, totals.Sum(t => t.Subscriptions)),
        };
        long all = counts.Sum(c => c.Events);
        return counts.Select(c => new EventTypeCount(c.Type.ToString(), c.Events, all == 0 ? 0 : (double)c.Events / all)).ToList();
    }

    private static List<PeriodChange> Compare(List<EventSummary> totals, List<EventSummary> previousTotals)
    {
        Dictionary<string, EventSummary> before = previousTotals.ToDictionary(IdentityOf, StringComparer.Ordinal);
        return totals.Select(now =>
        {
            EventSummary? then = before.GetValueOrDefault(IdentityOf(now));
            long previousSent = then?.Sends ?? 0;
            return new PeriodChange(
                IdentityOf(now),
                now.Sends,
                previousSent,
                previousSent == 0 ? null : (double)(now.Sends - previousSent) / previousSent,
                now.BounceRate,
                then?.BounceRate,
                now.ComplaintRate,
                then?.ComplaintRate);
        }).ToList();
    }

    /// <summary>The report asks for summaries by identity, so every one carries it.</summary>
    private static string IdentityOf(EventSummary summary) => summary.Identity ?? string.Empty;
}
