using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Query.Breakdowns;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Tests.Query.Breakdowns;

public sealed class AthenaGroupedSummarySqlTests
{
    private static readonly AthenaTarget Target = new("ses-analytics", "sesanalytics", "events");
    private static readonly DayRange TwoDays = new(new DateOnly(2024, 3, 8), new DateOnly(2024, 3, 9));

    [Fact]
    public void Grouped_summary_snapshot()
    {
        var request = new SummaryRequest(EventQuery.AllEvents(TwoDays, ["example.com"]), GroupBy.Parse(["RecipientDomain", "Tag:campaign"]), ["prod-*"], Total: true, Compare: true, ReputationThresholds.Default);

        AthenaStatement statement = AthenaGroupedSummaryQuery.Render(request, ["example.com"], Target);

        Assert.Equal(
            """
            SELECT
                "sender_identity", "day", "event_type", k0, k1,
                count(*), coalesce(sum(n), 0), count_if(permanent), coalesce(sum(CASE WHEN permanent THEN n END), 0)
            FROM (
                SELECT "sender_identity", "day", "event_type", recipient_domain AS k0, element_at(element_at(mail.tags, ?), 1) AS k1,
                    cardinality(filter(CASE "event_type" WHEN 'Delivery' THEN delivery.recipients WHEN 'Bounce' THEN transform(bounce.bouncedrecipients, r -> r.emailaddress) WHEN 'Complaint' THEN transform(complaint.complainedrecipients, r -> r.emailaddress) WHEN 'DeliveryDelay' THEN transform(deliverydelay.delayedrecipients, r -> r.emailaddress) ELSE mail.destination END, r -> coalesce(lower(regexp_extract(r, '@([^@<>\s]+)>?\s*$', 1)), '') = recipient_domain)) AS n, bounce.bouncetype = 'Permanent' AS permanent
                FROM "sesanalytics"."events"
                CROSS JOIN UNNEST(array_distinct(transform(CASE "event_type" WHEN 'Delivery' THEN delivery.recipients WHEN 'Bounce' THEN transform(bounce.bouncedrecipients, r -> r.emailaddress) WHEN 'Complaint' THEN transform(complaint.complainedrecipients, r -> r.emailaddress) WHEN 'DeliveryDelay' THEN transform(deliverydelay.delayedrecipients, r -> r.emailaddress) ELSE mail.destination END, r -> coalesce(lower(regexp_extract(r, '@([^@<>\s]+)>?\s*$', 1)), '')))) AS g (recipient_domain)
                WHERE "sender_identity" IN (?)
              AND "event_type" IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              AND "day" IN (?, ?, ?, ?)
              AND (lower(element_at(element_at(mail.tags, 'ses:configuration-set'), 1)) LIKE lower(?) ESCAPE '\')
            )
            GROUP BY "sender_identity", "day", "event_type", k0, k1
            ORDER BY "day", "sender_identity", "event_type", k0, k1
            """,
            statement.Text);
        Assert.Equal(
            ["'campaign'", "'example.com'", "'Send'", "'Reject'", "'Bounce'", "'Complaint'", "'Delivery'", "'Open'", "'Click'", "'Rendering Failure'", "'DeliveryDelay'", "'Subscription'",
             "'2024/03/06'", "'2024/03/07'", "'2024/03/08'", "'2024/03/09'", "'prod-%'"],
            statement.ExecutionParameters);
    }

    [Theory]
    [InlineData(new[] { "ConfigurationSet" }, new[] { "a'b*" })]
    [InlineData(new[] { "Identity", "FromDomain", "Tag:x' OR 1=1" }, new[] { "[ab]*" })]
    [InlineData(new[] { "RecipientDomain" }, new string[0])]
    public void Every_value_travels_only_as_a_parameter(string[] groupBy, string[] configurationSets)
    {
        string[] identities = ["alpha.example", "beta@example.org"];
        var request = new SummaryRequest(EventQuery.AllEvents(TwoDays, identities), GroupBy.Parse(groupBy), configurationSets, Total: false, Compare: true, ReputationThresholds.Default);

        AthenaStatement statement = AthenaGroupedSummaryQuery.Render(request, identities, Target);

        foreach (string value in identities.Concat(["2024/03/07", "2024/03/09", "Rendering Failure"]).Concat(configurationSets.Select(c => c.TrimEnd('*'))))
        {
            Assert.DoesNotContain(value, statement.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("OR 1=1", statement.Text, StringComparison.Ordinal);
        Assert.Contains("'2024/03/07'", statement.ExecutionParameters);
        // The domain pattern is a literal of ours holding '?': placeholders are the ones outside literals.
        Assert.Equal(System.Text.RegularExpressions.Regex.Replace(statement.Text, "'([^']|'')*'", "''").Count(c => c == '?'), statement.ExecutionParameters.Count);
        Assert.All(statement.ExecutionParameters, p => Assert.Matches("^'([^']|'')*'$", p));
        Assert.Contains("\"sender_identity\" IN (?, ?)", statement.Text, StringComparison.Ordinal);
        Assert.Contains("\"event_type\" IN (", statement.Text, StringComparison.Ordinal);
        Assert.Contains("\"day\" IN (?, ?, ?)", statement.Text, StringComparison.Ordinal);
    }
}
