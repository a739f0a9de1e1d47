using System.Text.RegularExpressions;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Query.Engagement;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Tests.Query.Engagement;

public sealed class AthenaEngagementSqlTests
{
    private static readonly AthenaTarget Target = new("ses-analytics", "sesanalytics", "events");
    private static readonly DayRange OneDay = new(new DateOnly(2024, 3, 8), new DateOnly(2024, 3, 8));

    [Fact]
    public void Engagement_query_snapshot()
    {
        var query = new EngagementQuery(["example.com"], OneDay, GroupBy.Parse(["Tag:campaign"]), total: false, TimeSpan.FromSeconds(5), includeProxyOpens: false);

        AthenaStatement statement = AthenaEngagementQuery.Render(query, ["example.com"], Target);

        Assert.Equal(Snapshots.Engagement, statement.Text);
        Assert.Equal(
            ["'example.com'", "'Delivery'", "'2024/03/07'", "'2024/03/08'", "'2024/03/09'", "'example.com'", "'Open'", "'2024/03/08'",
             "'example.com'", "'Click'", "'2024/03/08'", "'5000'", "'campaign'", "'2024/03/08'", "'2024/03/08'"],
            statement.ExecutionParameters);
    }

    [Fact]
    public void Links_query_snapshot()
    {
        var query = new LinkQuery(["example.com"], OneDay, GroupBy.Parse(["RecipientDomain"]), top: 10);

        AthenaStatement statement = AthenaEngagementQuery.RenderLinks(query, ["example.com"], Target);

        Assert.Equal(Snapshots.Links, statement.Text);
        Assert.Equal(["'example.com'", "'Click'", "'2024/03/08'"], statement.ExecutionParameters);
    }

    [Fact]
    public void Every_value_travels_only_as_a_parameter()
    {
        const string Evil = "x' OR '1'='1'; DROP TABLE events; --";
        string[] identities = [Evil, "beta@example.org"];
        var days = new DayRange(new DateOnly(2024, 3, 8), new DateOnly(2024, 3, 9));
        var engagement = new EngagementQuery(identities, days, GroupBy.Parse(["Identity", "Tag:" + Evil, "RecipientDomain"]), total: true, TimeSpan.FromMilliseconds(1234), includeProxyOpens: true);
        var links = new LinkQuery(identities, days, GroupBy.Parse(["Tag:" + Evil]), top: 3);

        foreach (AthenaStatement statement in new[] { AthenaEngagementQuery.Render(engagement, identities, Target), AthenaEngagementQuery.RenderLinks(links, identities, Target) })
        {
            foreach (string value in new[] { "DROP", "beta@example.org", "2024/03/0", "1234" })
            {
                Assert.DoesNotContain(value, statement.Text, StringComparison.OrdinalIgnoreCase);
            }

            // A ? inside a string literal (the domain pattern's) is text, not a placeholder.
            Assert.Equal(Regex.Replace(statement.Text, "'([^']|'')*'", string.Empty).Count(c => c == '?'), statement.ExecutionParameters.Count);
            Assert.All(statement.ExecutionParameters, p => Assert.Matches("^'([^']|'')*'$", p));
            Assert.Contains("'beta@example.org'", statement.ExecutionParameters);
            Assert.Contains("'" + Evil.Replace("'", "''", StringComparison.Ordinal).ToLowerInvariant() + "'", statement.ExecutionParameters);
        }
    }

    private static class Snapshots
    {
        public const string Engagement =
            """
            WITH events AS (
                SELECT "sender_identity", "day", 'Delivery' AS kind, mail, delivery.recipients AS recipients, CAST(round(to_unixtime(try(from_iso8601_timestamp(delivery."timestamp"))) * 1000) AS bigint) AS event_time, CAST(NULL AS varchar) AS event
                FROM "sesanalytics"."events"
                WHERE "sender_identity" IN (?)
                  AND "event_type" IN (?)
                  AND "day" IN (?, ?, ?)
                UNION ALL
                SELECT "sender_identity", "day", 'Open', mail, mail.destination, CAST(round(to_unixtime(try(from_iso8601_timestamp("open"."timestamp"))) * 1000) AS bigint), mail.messageid || chr(31) || coalesce("open"."timestamp", '') || chr(31) || coalesce("open".ipaddress, '') || chr(31) || coalesce("open".useragent, '')
                FROM "sesanalytics"."events"
                WHERE "sender_identity" IN (?)
                  AND "event_type" IN (?)
                  AND "day" IN (?)
                UNION ALL
                SELECT "sender_identity", "day", 'Click', mail, mail.destination, CAST(round(to_unixtime(try(from_iso8601_timestamp(click."timestamp"))) * 1000) AS bigint), mail.messageid || chr(31) || coalesce(click."timestamp", '') || chr(31) || coalesce(click.ipaddress, '') || chr(31) || coalesce(click.useragent, '') || chr(31) || coalesce(click.link, '')
                FROM "sesanalytics"."events"
                WHERE "sender_identity" IN (?)
                  AND "event_type" IN (?)
                  AND "day" IN (?)
            ),
            timed AS (
                SELECT *, array_agg(CASE WHEN kind = 'Delivery' THEN event_time END) OVER (PARTITION BY mail.messageid) AS deliveries
                FROM events
            ),
            per_recipient AS (
                SELECT *, kind = 'Open' AND coalesce(any_match(deliveries, t -> abs(t - event_time) <= CAST(? AS bigint)), false) AS proxy,
                    element_at(element_at(mail.tags, ?), 1) AS group_1
                FROM timed
                CROSS JOIN UNNEST(recipients) AS u (recipient)
                WHERE kind <> 'Delivery' OR "day" BETWEEN ? AND ?
            )
            SELECT "day", group_1,
                count(DISTINCT CASE WHEN kind = 'Delivery' THEN mail.messageid || chr(31) || lower(trim(coalesce(nullif(regexp_extract(recipient, '<([^<>]+)>', 1), ''), recipient))) END),
                count(DISTINCT CASE WHEN kind = 'Open' AND NOT proxy THEN mail.messageid || chr(31) || lower(trim(coalesce(nullif(regexp_extract(recipient, '<([^<>]+)>', 1), ''), recipient))) END),
                count(DISTINCT CASE WHEN kind = 'Open' THEN mail.messageid || chr(31) || lower(trim(coalesce(nullif(regexp_extract(recipient, '<([^<>]+)>', 1), ''), recipient))) END),
                count(DISTINCT CASE WHEN kind = 'Click' THEN mail.messageid || chr(31) || lower(trim(coalesce(nullif(regexp_extract(recipient, '<([^<>]+)>', 1), ''), recipient))) END),
                count(DISTINCT CASE WHEN kind = 'Open' AND NOT proxy THEN event END),
                count(DISTINCT CASE WHEN kind = 'Open' THEN event END),
                count(DISTINCT CASE WHEN kind = 'Click' THEN event END),
                count(DISTINCT CASE WHEN kind = 'Open' AND proxy THEN event END)
            FROM per_recipient
            GROUP BY 1, 2
            """;

        public const string Links =
            """
            WITH events AS (
                SELECT "sender_identity", "day", mail, mail.destination AS recipients, mail.messageid || chr(31) || coalesce(click."timestamp", '') || chr(31) || coalesce(click.ipaddress, '') || chr(31) || coalesce(click.useragent, '') || chr(31) || coalesce(click.link, '') AS event, click.link AS link, array_join(array_sort(transform(map_keys(click.linktags), k -> lower(k) || '=' || array_join(element_at(click.linktags, k), ','))), '; ') AS link_tags
                FROM "sesanalytics"."events"
                WHERE "sender_identity" IN (?)
                  AND "event_type" IN (?)
                  AND "day" IN (?)
            ),
            per_recipient AS (
                SELECT *, regexp_extract(recipient, '@([^@<>\s]+)>?\s*$', 1) AS group_1, mail.messageid || chr(31) || lower(trim(coalesce(nullif(regexp_extract(recipient, '<([^<>]+)>', 1), ''), recipient))) AS pair
                FROM events
                CROSS JOIN UNNEST(recipients) AS u (recipient)
            )
            SELECT group_1, link, link_tags, count(DISTINCT event), count(DISTINCT pair)
            FROM per_recipient
            GROUP BY 1, 2, 3
            """;
    }
}
