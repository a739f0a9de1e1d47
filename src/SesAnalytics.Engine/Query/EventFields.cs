using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// Every field a local query reads, with the one DuckDB type it is read as. Queries declare the fields they need by
/// these paths (<see cref="DuckDbColumns"/>), and the columnar cache of a store folder holds every field of its event
/// type, so a query's SQL runs unchanged over the cache and over the objects. A path is dotted; a segment ending in
/// <c>[]</c> is a list of structs.
/// </summary>
internal static class EventFields
{
    private const string Text = "VARCHAR";
    private const string TextList = "VARCHAR[]";
    private const string Tags = "MAP(VARCHAR, VARCHAR[])";

    /// <summary>The fields of every event type: both shapes' type fields (SES's and SNS's) and the mail's.</summary>
    private static readonly (string Path, string Type)[] Common =
    [
        ("eventType", Text),
        ("notificationType", Text),
        ("mail.timestamp", Text),
        ("mail.source", Text),
        ("mail.sendingAccountId", Text),
        ("mail.messageId", Text),
        ("mail.destination", TextList),
        ("mail.commonHeaders.subject", Text),
        ("mail.tags", Tags),
    ];

    private static readonly (string Path, string Type)[] Details =
    [
        ("bounce.bounceType", Text),
        ("bounce.bounceSubType", Text),
        ("bounce.feedbackId", Text),
        ("bounce.timestamp", Text),
        ("bounce.reportingMTA", Text),
        ("bounce.bouncedRecipients[].emailAddress", Text),
        ("bounce.bouncedRecipients[].action", Text),
        ("bounce.bouncedRecipients[].status", Text),
        ("bounce.bouncedRecipients[].diagnosticCode", Text),
        ("complaint.complainedRecipients[].emailAddress", Text),
        ("delivery.timestamp", Text),
        ("delivery.processingTimeMillis", "BIGINT"),
        ("delivery.recipients", TextList),
        ("deliveryDelay.delayType", Text),
        ("deliveryDelay.timestamp", Text),
        ("deliveryDelay.delayedRecipients[].emailAddress", Text),
        ("deliveryDelay.delayedRecipients[].status", Text),
        ("deliveryDelay.delayedRecipients[].diagnosticCode", Text),
        ("reject.reason", Text),
        ("failure.templateName", Text),
        ("failure.errorMessage", Text),
        ("open.timestamp", Text),
        ("open.ipAddress", Text),
        ("open.userAgent", Text),
        ("click.timestamp", Text),
        ("click.ipAddress", Text),
        ("click.userAgent", Text),
        ("click.link", Text),
        ("click.linkTags", Tags),
    ];

    private static readonly Dictionary<string, string> TypeOfPath = Types();

    // Loops, not LINQ over the tuples: each generic method over a value type is compiled when first called, and this
    // runs before the first local query of a session.
    private static Dictionary<string, string> Types()
    {
        var types = new Dictionary<string, string>(Common.Length + Details.Length, StringComparer.Ordinal);
        foreach ((string path, string type) in Common)
        {
            types.Add(path, type);
        }

        foreach ((string path, string type) in Details)
        {
            types.Add(path, type);
        }

        return types;
    }

    /// <summary>The type <paramref name="path"/> is read as, or null for a field no query reads.</summary>
    public static string? TypeOf(string path) => TypeOfPath.GetValueOrDefault(path);

    /// <summary>
    /// The domain of each recipient an event of <paramref name="type"/> is about, in the order of
    /// <see cref="GroupSql.DuckDbRecipients"/>: lower-case, <c>''</c> for an address without one. Breakdowns by
    /// recipient domain read it; a cache holds it, so the pattern runs once per recipient when the cache is built
    /// instead of in every query.
    /// </summary>
    public static DerivedColumn RecipientDomains(SesEventType type) => new(
        "recipient_domains",
        $"list_transform({GroupSql.DuckDbRecipients(type)}, r -> coalesce(lower({GroupSql.DuckDbDomain("r")}), ''))",
        [GroupSql.DuckDbRecipientField(type)]);

    /// <summary>Every field of <paramref name="type"/> and every derived column: what its cache holds.</summary>
    public static DuckDbColumns Of(SesEventType type)
    {
        var columns = new DuckDbColumns();
        string detail = type.DetailMember() + ".";
        foreach ((string path, _) in Common.Concat(Details.Where(f => f.Path.StartsWith(detail, StringComparison.Ordinal))))
        {
            columns.Add(path);
        }

        return columns.Add(RecipientDomains(type));
    }
}
