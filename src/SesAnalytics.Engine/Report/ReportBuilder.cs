using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Breakdowns;
using SesAnalytics.Engine.Query.Delivery;
using SesAnalytics.Engine.Query.Engagement;
using SesAnalytics.Engine.Query.Failures;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Report;

/// <summary>
/// Gathers a report from the query commands' engines, asked as a user would ask them: Get-SesEventSummary per day and
/// with -Total -Compare, Get-SesFailureSummary -Kind Bounce -Total by identity and by recipient domain,
/// Get-SesEngagement -Total by identity and by the campaign tag, and Get-SesDeliveryTime -Total, with progress between.
/// </summary>
public sealed class ReportBuilder(IReportQueries queries, IOutputSink sink)
{
    public const int ProgressActivityId = 10;
    public const string DefaultCampaignTag = "campaign";
    private const string Activity = "Export-SesReport";
    private const string Permanent = "Permanent";
    private const string None = "(none)";

    public async Task<SesReport> BuildAsync(DayRange days, IReadOnlyList<string> identities, string campaignTag, CancellationToken cancellationToken)
    {
        GroupKey tag = GroupKey.Tag(campaignTag);
        EventQuery query = EventQuery.AllEvents(days, identities);
        EventQuery bounces = query with { EventTypes = [SesEventType.Bounce] };

        Step(0, "Counting the events of each identity and day");
        List<EventSummary> daily = await ToListAsync(queries.SummariesAsync(Summaries(query, total: false), cancellationToken)).ConfigureAwait(false);
        Step(20, "Counting the events of the period and of the one before it");
        List<EventSummary> totals = await ToListAsync(queries.SummariesAsync(Summaries(query, total: true), cancellationToken)).ConfigureAwait(false);
        Step(35, "Summarising the bounces");
        List<FailureSummary> reasons = await ToListAsync(queries.FailuresAsync(bounces, GroupBy.ByIdentity, [FailureKind.Bounce], cancellationToken)).ConfigureAwait(false);
        List<FailureSummary> domains = await ToListAsync(queries.FailuresAsync(bounces, new GroupBy([GroupKey.RecipientDomain]), [FailureKind.Bounce], cancellationToken)).ConfigureAwait(false);
        Step(55, "Measuring opens and clicks");
        IReadOnlyList<EngagementSummary> byIdentity = await queries.EngagementAsync(Engagement(identities, days, GroupBy.ByIdentity), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<EngagementSummary> byTag = await queries.EngagementAsync(Engagement(identities, days, new GroupBy([tag])), cancellationToken).ConfigureAwait(false);
        Step(80, "Measuring delivery times");
        List<DeliveryTimeSummary> times = await ToListAsync(queries.DeliveryTimesAsync(query with { EventTypes = [SesEventType.Delivery] }, GroupBy.ByIdentity, cancellationToken)).ConfigureAwait(false);
        sink.Progress(new ProgressReport(ProgressActivityId, Activity, "Done", 100, Completed: true));

        var previousDays = new DayRange(days.From.AddDays(-days.DayCount), days.From.AddDays(-1));
        return new SesReport
        {
            Source = queries.Source,
            From = days.From,
            To = days.To,
            GeneratedAt = Clock.UtcNow.UtcDateTime,
            Identities = totals.Select(Overview).ToList(),
            Daily = Daily(daily, totals),
            EventMix = EventMix(totals),
            BounceKinds = BounceKinds(reasons),
            DiagnosticCodes = Reasons(reasons),
            HardBounceDomains = HardBounceDomains(domains),
            Engagement = new EngagementSection(
                tag.TagName!,
                byIdentity.Select(e => Engagement(e.Identity ?? e.Group, e)).ToList(),
                byTag.OrderByDescending(e => e.DeliveredRecipients).ThenBy(e => e.Tag is null).ThenBy(e => e.Tag, StringComparer.Ordinal)
                    .Take(ReportLimits.Tags).Select(e => Engagement(e.Tag ?? $"(no {tag.TagName} tag)", e)).ToList()),
            DeliveryTimes = times.Select(t => new IdentityDeliveryTimes(t.Identity ?? t.Group, t.Deliveries, Millis(t.P50), Millis(t.P90), Millis(t.P99), Millis(t.Max))).ToList(),
            PreviousPeriod = new PeriodComparison(previousDays.From, previousDays.To, totals.Select(Change).ToList()),
        };
    }

    /// <summary>Get-SesEventSummary's request by identity at SES's default minimum volumes; a total with the previous period.</summary>
    private static SummaryRequest Summaries(EventQuery query, bool total) =>
        new(query, GroupBy.ByIdentity, [], total, Compare: total, ReputationThresholds.Default);

    private static EngagementQuery Engagement(IReadOnlyList<string> identities, DayRange days, GroupBy grouping) =>
        new(identities, days, grouping, total: true, EngagementQuery.DefaultProxyOpenWindow, includeProxyOpens: false);

    private static Engagement Engagement(string name, EngagementSummary summary) => new(
        name,
        summary.DeliveredRecipients,
        summary.OpenedRecipients,
        summary.ClickedRecipients,
        summary.ProxyOpens,
        summary.OpenRate,
        summary.ClickRate,
        summary.ClickToOpenRate);

    private static double? Millis(TimeSpan? time) => time?.TotalMilliseconds;

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
        total.Status.ToString());

    private static List<BounceKindCount> BounceKinds(List<FailureSummary> reasons)
    {
        long all = reasons.Sum(r => r.Recipients);
        return reasons
            .GroupBy(r => (Type: r.Type ?? None, SubType: r.SubType ?? None))
            .Select(g => new BounceKindCount(g.Key.Type, g.Key.SubType, g.Sum(r => r.Recipients), Share(g.Sum(r => r.Recipients), all)))
            .OrderByDescending(k => k.Recipients).ThenBy(k => k.BounceType, StringComparer.Ordinal).ThenBy(k => k.BounceSubType, StringComparer.Ordinal)
            .ToList();
    }

    private static List<DiagnosticCodeCount> Reasons(List<FailureSummary> reasons)
    {
        long all = reasons.Sum(r => r.Recipients);
        return reasons
            .OrderByDescending(r => r.Recipients).ThenBy(r => r.Identity, StringComparer.Ordinal).ThenBy(r => r.Reason, StringComparer.Ordinal)
            .Take(ReportLimits.Reasons)
            .Select(r => new DiagnosticCodeCount(r.Identity ?? r.Group, r.Type, r.SubType, r.Reason, r.Status, r.Recipients, r.RecipientDomains, Share(r.Recipients, all)))
            .ToList();
    }

    private static List<DomainBounceCount> HardBounceDomains(List<FailureSummary> domains)
    {
        var hard = domains.Where(d => d.Type == Permanent).GroupBy(d => d.RecipientDomain ?? None, StringComparer.Ordinal)
            .Select(g => (Domain: g.Key, Recipients: g.Sum(d => d.Recipients))).ToList();
        long all = hard.Sum(d => d.Recipients);
        return hard
            .OrderByDescending(d => d.Recipients).ThenBy(d => d.Domain, StringComparer.Ordinal)
            .Take(ReportLimits.Domains)
            .Select(d => new DomainBounceCount(d.Domain, d.Recipients, Share(d.Recipients, all)))
            .ToList();
    }

    private static PeriodChange Change(EventSummary total) => new(
        IdentityOf(total),
        total.SentRecipients,
        total.PreviousSentRecipients,
        total.BounceRate,
        total.PreviousBounceRate,
        total.BounceRateChange,
        total.ComplaintRate,
        total.PreviousComplaintRate,
        total.ComplaintRateChange,
        total.Status.ToString(),
        total.PreviousStatus?.ToString());

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

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

    /// <summary>The report asks for summaries by identity, so every one carries it.</summary>
    private static string IdentityOf(EventSummary summary) => summary.Identity ?? string.Empty;
}
