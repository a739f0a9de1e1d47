using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Objects;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Query.Athena;

public sealed class AthenaSqlTests
{
    private static readonly AthenaTarget Target = new("ses-analytics", "sesanalytics", "events");
    private static readonly DayRange TwoDays = new(new DateOnly(2024, 3, 8), new DateOnly(2024, 3, 9));

    [Fact]
    public void Bounce_query_snapshot()
    {
        EventQuery query = EventQuery.Bounces(TwoDays, ["example.com", "mail.example.org"], ["Permanent"], ["*@example.net"]);

        AthenaStatement statement = AthenaBounceQuery.Render(query, ["example.com", "mail.example.org"], Target);

        Assert.Equal(
            """
            SELECT
                "sender_identity", "day",
                mail.messageid, mail."timestamp", mail.source, mail.sendingaccountid, mail.commonheaders.subject,
                element_at(element_at(mail.tags, 'ses:configuration-set'), 1), element_at(element_at(mail.tags, 'ses:source-ip'), 1), element_at(element_at(mail.tags, 'ses:from-domain'), 1), element_at(element_at(mail.tags, 'ses:outgoing-ip'), 1),
                bounce.bouncetype, bounce.bouncesubtype, bounce.feedbackid, bounce."timestamp", bounce.reportingmta,
                r.action, r.status, r.diagnosticcode, r.emailaddress
            FROM "sesanalytics"."events"
            CROSS JOIN UNNEST(bounce.bouncedrecipients) AS r (emailaddress, action, status, diagnosticcode)
            WHERE "sender_identity" IN (?, ?)
              AND "event_type" IN (?)
              AND "day" IN (?, ?)
              AND bounce.bouncetype IN (?)
              AND (lower(r.emailaddress) LIKE lower(?) ESCAPE '\')
            ORDER BY "day", "sender_identity", mail."timestamp", mail.messageid, r.emailaddress
            """,
            statement.Text);
        Assert.Equal(["'example.com'", "'mail.example.org'", "'Bounce'", "'2024/03/08'", "'2024/03/09'", "'Permanent'", "'%@example.net'"], statement.ExecutionParameters);
    }

    [Fact]
    public void Summary_query_snapshot()
    {
        EventQuery query = EventQuery.AllEvents(new DayRange(new DateOnly(2024, 3, 8), new DateOnly(2024, 3, 8)), ["example.com"]);

        AthenaStatement statement = AthenaSummaryQuery.Render(query, ["example.com"], Target);

        Assert.Equal(
            """
            SELECT
                "sender_identity", "day", "event_type",
                count(*),
                coalesce(sum(cardinality(mail.destination)), 0),
                count_if(bounce.bouncetype = 'Permanent'),
                coalesce(sum(CASE WHEN bounce.bouncetype = 'Permanent' THEN cardinality(bounce.bouncedrecipients) END), 0),
                coalesce(sum(cardinality(complaint.complainedrecipients)), 0)
            FROM "sesanalytics"."events"
            WHERE "sender_identity" IN (?)
              AND "event_type" IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              AND "day" IN (?)
            GROUP BY "day", "sender_identity", "event_type"
            ORDER BY "day", "sender_identity", "event_type"
            """,
            statement.Text);
        Assert.Equal(
            ["'example.com'", "'Send'", "'Reject'", "'Bounce'", "'Complaint'", "'Delivery'", "'Open'", "'Click'", "'Rendering Failure'", "'DeliveryDelay'", "'Subscription'", "'2024/03/08'"],
            statement.ExecutionParameters);
    }

    [Fact]
    public void Events_query_snapshot()
    {
        var query = new EventQuery(["example.com"], [SesEventType.Bounce, SesEventType.Complaint], TwoDays, [], ["*@example.net"]);

        AthenaStatement statement = AthenaEventsQuery.Render(query, ["0100-a", "0100-b"], ["example.com"], Target);

        Assert.Equal(
            """
            SELECT "sender_identity", "day", "line"
            FROM "sesanalytics"."events_lines"
            WHERE "sender_identity" IN (?)
              AND "event_type" IN (?, ?)
              AND "day" IN (?, ?)
              AND json_extract_scalar("line", '$.mail.messageId') IN (?, ?)
            ORDER BY "day", "sender_identity", coalesce(json_extract_scalar("line", '$.bounce.timestamp'), json_extract_scalar("line", '$.complaint.timestamp'), json_extract_scalar("line", '$.delivery.timestamp'), json_extract_scalar("line", '$.open.timestamp'), json_extract_scalar("line", '$.click.timestamp'), json_extract_scalar("line", '$.deliveryDelay.timestamp'), json_extract_scalar("line", '$.subscription.timestamp'), json_extract_scalar("line", '$.mail.timestamp')), json_extract_scalar("line", '$.mail.messageId'), json_extract_scalar("line", '$.eventType')
            """,
            statement.Text);
        Assert.Equal(["'example.com'", "'Bounce'", "'Complaint'", "'2024/03/08'", "'2024/03/09'", "'0100-a'", "'0100-b'"], statement.ExecutionParameters);
    }

    [Fact]
    public void The_events_query_reads_the_lines_table_the_target_names()
    {
        var target = new AthenaTarget("wg", "db", "events", "custom_lines");

        AthenaStatement statement = AthenaEventsQuery.Render(EventQuery.AllEvents(TwoDays, ["example.com"]), [], ["example.com"], target);

        Assert.Contains("FROM \"db\".\"custom_lines\"", statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("messageId') IN", statement.Text, StringComparison.Ordinal);
        Assert.Equal("InvalidAthenaTable", Assert.Throws<InvalidInputException>(() => new AthenaTarget("wg", "db", "events", "bad\"name")).ErrorId);
    }

    [Fact]
    public void Every_filter_value_travels_only_as_a_parameter()
    {
        string[] identities = ["alpha.example", "beta@example.org"];
        EventQuery query = EventQuery.Bounces(TwoDays, identities, ["Transient", "Undetermined"], ["someone@example.net", "other*"]);

        AthenaStatement bounces = AthenaBounceQuery.Render(query, identities, Target);
        AthenaStatement summary = AthenaSummaryQuery.Render(EventQuery.AllEvents(TwoDays, identities), identities, Target);
        AthenaStatement events = AthenaEventsQuery.Render(query, ["0100-x' OR 1=1", "0100-y"], identities, Target);

        string[] values = ["alpha.example", "beta@example.org", "2024/03/08", "2024/03/09", "Transient", "Undetermined", "someone@example.net", "other%", "Bounce"];
        foreach (string value in values)
        {
            Assert.DoesNotContain(value, bounces.Text, StringComparison.Ordinal);
            Assert.Contains("'" + value + "'", bounces.ExecutionParameters);
        }

        foreach (string value in identities.Concat(["2024/03/08", "2024/03/09", "Rendering Failure", "Send", "Complaint"]))
        {
            Assert.DoesNotContain(value, summary.Text, StringComparison.Ordinal);
            Assert.Contains("'" + value + "'", summary.ExecutionParameters);
        }

        foreach (string value in identities.Concat(["2024/03/08", "Bounce", "0100-y"]))
        {
            Assert.DoesNotContain(value, events.Text, StringComparison.Ordinal);
            Assert.Contains("'" + value + "'", events.ExecutionParameters);
        }

        Assert.Contains("'0100-x'' OR 1=1'", events.ExecutionParameters);
        Assert.DoesNotContain("someone", events.Text, StringComparison.Ordinal);
        Assert.Equal(events.Text.Count(c => c == '?'), events.ExecutionParameters.Count);
        Assert.Equal(bounces.Text.Count(c => c == '?'), bounces.ExecutionParameters.Count);
        Assert.Equal(summary.Text.Count(c => c == '?'), summary.ExecutionParameters.Count);
    }

    [Fact]
    public void An_injection_value_stays_one_quoted_literal()
    {
        const string Evil = "x' OR '1'='1'; DROP TABLE events; --";
        EventQuery query = EventQuery.Bounces(TwoDays, [Evil], [], [Evil]);

        AthenaStatement statement = AthenaBounceQuery.Render(query, [Evil], Target);

        Assert.DoesNotContain("DROP", statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("'1'", statement.Text, StringComparison.Ordinal);
        Assert.Equal("'x'' OR ''1''=''1''; DROP TABLE events; --'", statement.ExecutionParameters[0]);
        // A literal that starts and ends with a quote and has only doubled quotes inside cannot end early.
        Assert.All(statement.ExecutionParameters, p => Assert.Matches("^'([^']|'')*'$", p));
    }

    [Theory]
    [InlineData("events\"; DROP TABLE x; --")]
    [InlineData("ev ents")]
    [InlineData("")]
    public void A_table_name_that_is_not_a_Glue_name_is_refused(string table)
    {
        var error = Assert.Throws<InvalidInputException>(() => new AthenaTarget("primary", "sesanalytics", table));

        Assert.Equal("InvalidAthenaTable", error.ErrorId);
    }

    [Fact]
    public void Work_group_and_database_names_are_checked_too()
    {
        Assert.Equal("InvalidAthenaWorkGroup", Assert.Throws<InvalidInputException>(() => new AthenaTarget("a b", "db", "t")).ErrorId);
        Assert.Equal("InvalidAthenaDatabase", Assert.Throws<InvalidInputException>(() => new AthenaTarget("wg", "my-db", "t")).ErrorId);
    }

    [Fact]
    public async Task Exact_identities_are_taken_as_given_without_listing_the_bucket()
    {
        var s3 = new ListingS3("example.com");
        var identities = new BucketIdentities(s3, _ => Task.FromResult("events"));

        IReadOnlyList<string> exact = await identities.ResolveAsync(["example.com", "example.com", "a`[1`].example"], default);

        Assert.Equal(["example.com", "a[1].example"], exact);
        Assert.Empty(s3.Listed);
    }

    [Fact]
    public async Task Patterns_and_no_identity_are_matched_against_the_buckets_identity_prefixes()
    {
        var s3 = new ListingS3("alerts@example.net", "example.com", "mail.example.com", "no-identity");
        var identities = new BucketIdentities(s3, _ => Task.FromResult("events"));

        IReadOnlyList<string> matched = await identities.ResolveAsync(["*.example.com", "example.com"], default);
        IReadOnlyList<string> all = await identities.ResolveAsync([], default);

        Assert.Equal(["example.com", "mail.example.com"], matched);
        Assert.Equal(["alerts@example.net", "example.com", "mail.example.com", "no-identity"], all);
        Assert.All(s3.Listed, bucket => Assert.Equal("events", bucket));
    }

    [Theory]
    [InlineData("it's", "'it''s'")]
    [InlineData(42, "42")]
    [InlineData(-7L, "-7")]
    [InlineData(true, "TRUE")]
    [InlineData(1.5, "DOUBLE '1.5'")]
    public void Parameter_literals_follow_Athena_rules(object value, string literal) =>
        Assert.Equal(literal, AthenaParameters.Literal(value));

    [Fact]
    public void Dates_and_times_become_typed_literals()
    {
        Assert.Equal("DATE '2024-03-08'", AthenaParameters.Literal(new DateOnly(2024, 3, 8)));
        Assert.Equal("DATE '2024-03-08'", AthenaParameters.Literal(new DateTime(2024, 3, 8)));
        Assert.Equal("TIMESTAMP '2024-03-08 17:14:29.713'", AthenaParameters.Literal(new DateTime(2024, 3, 8, 17, 14, 29, 713, DateTimeKind.Utc)));
        Assert.Equal("TIMESTAMP '2024-03-08 16:14:29.000 UTC'", AthenaParameters.Literal(new DateTimeOffset(2024, 3, 8, 17, 14, 29, TimeSpan.FromHours(1))));
        Assert.Equal(12.50m.ToString(System.Globalization.CultureInfo.InvariantCulture), AthenaParameters.Literal(12.50m));
        Assert.Equal("UnsupportedAthenaParameter", Assert.Throws<InvalidInputException>(() => AthenaParameters.Literal(new object())).ErrorId);
    }
}
