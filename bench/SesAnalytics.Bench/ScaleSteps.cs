using System.Diagnostics;
using SesAnalytics.Engine.Samples;

namespace SesAnalytics.Bench;

/// <summary>The steps only the <c>scale</c> case runs, each in its own process like those of <see cref="Steps"/>.</summary>
internal static class ScaleSteps
{
    /// <summary>The events of day <paramref name="index"/> (from 0) of the scale store: a generator of its own per day.</summary>
    public static SampleEventGenerator DayEvents(DateOnly day, int index) => new() { Seed = 20261001 + index, Start = day, Days = 1 };

    /// <summary>
    /// What <c>Get-SesEventSummary -Total</c> computes for each identity over the whole store, in one DuckDB statement:
    /// events of each type, sent, hard-bounced and complained recipients.
    /// </summary>
    public static void BareTotal(string store)
    {
        string from = Steps.StoreObjects(store, "eventType: 'VARCHAR', mail: 'STRUCT(destination VARCHAR[])', bounce: 'STRUCT(bounceType VARCHAR, bouncedRecipients JSON[])', complaint: 'STRUCT(complainedRecipients JSON[])'");
        Steps.Bare($"""
            SELECT split_part(filename, '/', -6) AS identity, eventType,
                   count(*), sum(len(mail.destination)) FILTER (WHERE eventType = 'Send'),
                   count(*) FILTER (WHERE bounce.bounceType = 'Permanent'), sum(len(bounce.bouncedRecipients)) FILTER (WHERE bounce.bounceType = 'Permanent'),
                   sum(len(complaint.complainedRecipients))
            FROM (SELECT *, filename FROM {from})
            GROUP BY ALL ORDER BY identity, eventType
            """);
    }

    /// <summary>
    /// What <c>Get-SesEventSummary -GroupBy RecipientDomain</c> computes for each recipient domain and day, in one DuckDB
    /// statement over the whole store: an event counts once in each domain it is about (the recipients it bounced,
    /// complained, was delivered or delayed to, else those of the message), its recipients each in their own domain.
    /// </summary>
    public static void BareRecipientDomains(string store)
    {
        string from = Steps.StoreObjects(
            store,
            "eventType: 'VARCHAR', mail: 'STRUCT(destination VARCHAR[])', delivery: 'STRUCT(recipients VARCHAR[])', " +
            "bounce: 'STRUCT(bounceType VARCHAR, bouncedRecipients STRUCT(emailAddress VARCHAR)[])', " +
            "complaint: 'STRUCT(complainedRecipients STRUCT(emailAddress VARCHAR)[])', " +
            "deliveryDelay: 'STRUCT(delayedRecipients STRUCT(emailAddress VARCHAR)[])'");
        Steps.Bare($"""
            WITH events AS (
                SELECT eventType, {Steps.DayOfObject} AS day, coalesce(bounce.bounceType = 'Permanent', false) AS permanent,
                       list_transform(CASE eventType
                                          WHEN 'Delivery' THEN delivery.recipients
                                          WHEN 'Bounce' THEN list_transform(bounce.bouncedRecipients, r -> r.emailAddress)
                                          WHEN 'Complaint' THEN list_transform(complaint.complainedRecipients, r -> r.emailAddress)
                                          WHEN 'DeliveryDelay' THEN list_transform(deliveryDelay.delayedRecipients, r -> r.emailAddress)
                                          ELSE mail.destination END,
                                      r -> coalesce(lower(regexp_extract(r, '@([^@<>\s]+)>?\s*$', 1)), '')) AS domains
                FROM (SELECT *, filename FROM {from}))
            SELECT domain, day, eventType, count(*), sum(len(list_filter(domains, d -> d = domain))),
                   count(*) FILTER (WHERE permanent), sum(len(list_filter(domains, d -> d = domain))) FILTER (WHERE permanent)
            FROM (SELECT *, unnest(list_distinct(domains)) AS domain FROM events)
            GROUP BY ALL ORDER BY day, domain, eventType
            """);
    }
}
