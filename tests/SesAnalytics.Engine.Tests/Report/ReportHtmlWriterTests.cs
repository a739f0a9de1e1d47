using System.Text.RegularExpressions;
using SesAnalytics.Engine.Report;

namespace SesAnalytics.Engine.Tests.Report;

public sealed class ReportHtmlWriterTests
{
    [Fact]
    public void Markup_and_placeholders_in_values_stay_inside_the_data_island()
    {
        string html = ReportHtmlWriter.Render(Report(["</script><b>x</b>", "{{CHART_JS}}", "a&b'\""], days: 2));

        Assert.Equal(3, Regex.Matches(html, "<script\\b").Count);
        Assert.Equal(3, Regex.Matches(html, "</script>").Count);
        Assert.DoesNotContain("<b>x", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "Chart\\.js v4\\.6\\.2"));
        Assert.Contains("\\u003C/script\\u003E\\u003Cb\\u003Ex", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_inlined_scripts_cannot_end_their_element_or_fetch_a_source_map()
    {
        foreach (string asset in new[] { "chart.umd.min.js", "report.js" })
        {
            string script = ReportHtmlWriter.Asset(asset);
            Assert.DoesNotContain("</script", script, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("sourceMappingURL", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_large_account_of_forty_days_stays_a_few_megabytes()
    {
        // 1,000 identities in the overview, the 25 drawn day by day over 40 days, and every list at its cap.
        string html = ReportHtmlWriter.Render(Report(Enumerable.Range(0, 1000).Select(i => $"identity-{i}.example.com").ToList(), days: 40));

        Assert.InRange(html.Length, 200_000, 3_000_000);
    }

    private static SesReport Report(IReadOnlyList<string> identities, int days)
    {
        var from = new DateOnly(2024, 3, 1);
        List<DayVolume> Days() => Enumerable.Range(0, days)
            .Select(d => new DayVolume(from.AddDays(d), 1_000_000, 1_000_000, 990_000, 12_345, 10_000, 321, 0.01, 0.000321, "Healthy"))
            .ToList();
        return new SesReport
        {
            Source = new ReportSource("Store", "/tmp/store", null, ["123456789012"]),
            From = from,
            To = from.AddDays(days - 1),
            GeneratedAt = new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc),
            Identities = identities.Select(i => new IdentityOverview(i, 1, 1, 1, 0, 0, 0, 0, 0, 0, "LowVolume")).ToList(),
            Daily = identities.Take(ReportLimits.DetailedIdentities).Select(i => new IdentityDays(i, Days())).ToList(),
            EventMix = [new EventTypeCount("Send", 1, 1)],
            BounceKinds = [new BounceKindCount("Permanent", "General", 1, 1)],
            DiagnosticCodes = Enumerable.Range(0, ReportLimits.Reasons)
                .Select(i => new DiagnosticCodeCount($"identity-{i}.example.com", "Permanent", "General", $"550 5.1.1 user unknown {i}", "5.1.1", 1, "gmail.com (1)", 0.1))
                .ToList(),
            HardBounceDomains = Enumerable.Range(0, ReportLimits.Domains).Select(i => new DomainBounceCount($"domain{i}.example", 1, 0.1)).ToList(),
            Engagement = new EngagementSection(
                "campaign",
                identities.Select(i => new Engagement(i, 10, 5, 1, 2, 0.5, 0.1, 0.2)).ToList(),
                identities.Take(ReportLimits.Tags).Select(i => new Engagement("campaign=" + i, 10, 5, 1, 2, 0.5, 0.1, 0.2)).ToList()),
            DeliveryTimes = identities.Select(i => new IdentityDeliveryTimes(i, 10, 100, 900, 2000, 3000)).ToList(),
            PreviousPeriod = new PeriodComparison(from.AddDays(-days), from.AddDays(-1), identities.Select(i => new PeriodChange(i, 2, 1, 0.01, 0, 0.01, 0, 0, 0, "LowVolume", "LowVolume")).ToList()),
        };
    }
}
