using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query.Athena;

namespace SesAnalytics.Engine.Query.Grouping;

/// <summary>
/// The SQL of each group key and of each event type's recipients, for DuckDB over store objects and for Athena over the
/// event table, written side by side so both engines group alike. A tag name is always a bound value. Values come out
/// raw (a domain as written); <see cref="GroupValues"/> normalises them the same way for both engines.
/// </summary>
internal static class GroupSql
{
    /// <summary>The domain of an address, also of <c>"Name" &lt;user@example.com&gt;</c>: the same pattern in both engines.</summary>
    private const string DomainPattern = "'@([^@<>\\s]+)>?\\s*$'";

    private const string ConfigurationSetTag = "'" + SesTags.ConfigurationSet + "'";
    private const string FromDomainTag = "'" + SesTags.FromDomain + "'";

    /// <summary>Declares the fields the keys read (DuckDB), besides the recipients.</summary>
    public static DuckDbColumns AddDuckDbColumns(DuckDbColumns columns, GroupBy grouping)
    {
        if (grouping.Keys.Any(k => k.Dimension is GroupDimension.ConfigurationSet or GroupDimension.FromDomain or GroupDimension.Tag))
        {
            columns.Add("mail.tags", "MAP(VARCHAR, VARCHAR[])");
        }

        if (grouping.Has(GroupDimension.FromDomain))
        {
            columns.Add("mail.source", "VARCHAR");
        }

        return columns;
    }

    /// <summary>Declares the fields <see cref="DuckDbRecipients"/> reads for <paramref name="type"/>.</summary>
    public static DuckDbColumns AddDuckDbRecipientColumns(DuckDbColumns columns, SesEventType type) => columns.Add(DuckDbRecipientField(type));

    /// <summary>The field <see cref="DuckDbRecipients"/> reads for <paramref name="type"/>.</summary>
    public static string DuckDbRecipientField(SesEventType type) => RecipientsOf(type) switch
    {
        (string list, null) => list,
        (string list, string member) => $"{list}[].{member}",
    };

    /// <summary>The domain of an address expression as written, <c>''</c> when it has none (DuckDB).</summary>
    public static string DuckDbDomain(string address) => $"regexp_extract({address}, {DomainPattern}, 1)";

    /// <summary>
    /// The recipients an event of <paramref name="type"/> is about, as a list (DuckDB): those it bounced, complained,
    /// was delivered or delayed to, else every recipient of the message.
    /// </summary>
    public static string DuckDbRecipients(SesEventType type) => RecipientsOf(type) switch
    {
        (string list, null) => list,
        (string list, string member) => $"list_transform({list}, r -> r.{member})",
    };

    /// <summary>The list that holds an event's recipients and, when it holds objects, the member with the address.</summary>
    private static (string List, string? Member) RecipientsOf(SesEventType type) => type switch
    {
        SesEventType.Delivery => ("delivery.recipients", null),
        SesEventType.Bounce => ("bounce.bouncedRecipients", "emailAddress"),
        SesEventType.Complaint => ("complaint.complainedRecipients", "emailAddress"),
        SesEventType.DeliveryDelay => ("deliveryDelay.delayedRecipients", "emailAddress"),
        _ => ("mail.destination", null),
    };

    /// <summary>
    /// The value of <paramref name="key"/> for one event row (DuckDB). <paramref name="recipient"/> names the unnested
    /// recipient column where the grouping is by recipient; <paramref name="identity"/> is the identity's SQL (a bound
    /// value: a store partition holds one identity).
    /// </summary>
    public static string DuckDb(GroupKey key, string recipient, string identity, SqlParameters parameters) => key.Dimension switch
    {
        GroupDimension.Identity => identity,
        GroupDimension.ConfigurationSet => $"mail.tags[{ConfigurationSetTag}][1]",
        GroupDimension.RecipientDomain => DuckDbDomain(recipient),
        GroupDimension.FromDomain => $"coalesce(mail.tags[{FromDomainTag}][1], nullif({DuckDbDomain("mail.source")}, ''))",
        GroupDimension.Tag => $"list_filter(map_entries(mail.tags), e -> lower(e.key) = {parameters.Bind(key.TagName!)})[1].value[1]",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    /// <summary>The recipients of an event of <paramref name="type"/> as an array (Athena; field names lower-case).</summary>
    public static string AthenaRecipients(SesEventType type) => type switch
    {
        SesEventType.Delivery => "delivery.recipients",
        SesEventType.Bounce => "transform(bounce.bouncedrecipients, r -> r.emailaddress)",
        SesEventType.Complaint => "transform(complaint.complainedrecipients, r -> r.emailaddress)",
        SesEventType.DeliveryDelay => "transform(deliverydelay.delayedrecipients, r -> r.emailaddress)",
        _ => "mail.destination",
    };

    /// <summary>
    /// The recipients of every event of a table row whatever its type (Athena): one statement reads many types, and only
    /// the type's own recipient field is set.
    /// </summary>
    public static string AthenaRecipientsOfAnyType =>
        $"CASE {AthenaPartitions.EventType} " +
        string.Join(" ", new[] { SesEventType.Delivery, SesEventType.Bounce, SesEventType.Complaint, SesEventType.DeliveryDelay }
            .Select(t => $"WHEN '{t.WireName()}' THEN {AthenaRecipients(t)}")) +
        " ELSE mail.destination END";

    /// <summary>The value of <paramref name="key"/> for one row of the event table (Athena).</summary>
    public static string Athena(GroupKey key, string recipient, AthenaParameters parameters) => key.Dimension switch
    {
        GroupDimension.Identity => AthenaPartitions.Identity,
        GroupDimension.ConfigurationSet => $"element_at(element_at(mail.tags, {ConfigurationSetTag}), 1)",
        GroupDimension.RecipientDomain => $"regexp_extract({recipient}, {DomainPattern}, 1)",
        GroupDimension.FromDomain => $"coalesce(element_at(element_at(mail.tags, {FromDomainTag}), 1), regexp_extract(mail.source, {DomainPattern}, 1))",
        GroupDimension.Tag => $"element_at(element_at(mail.tags, {parameters.Bind(key.TagName!)}), 1)",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };
}
