using System.Globalization;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Query.Engagement;

/// <summary>
/// The statements of <see cref="DuckDbEngagementQuery"/> and <see cref="DuckDbLinkQuery"/> in Athena's SQL, over the
/// stack's table and for every identity at once: the same rows, so both engines give equal objects. Each scan is
/// constrained on all three partition columns; deliveries are read a day either side of the range, opens and clicks
/// on the range only. Athena binds <c>?</c> in the order of the text, so values are bound in that order.
/// </summary>
public static class AthenaEngagementQuery
{
    private static readonly EngagementSql.Dialect Sql = EngagementSql.Athena;

    public static AthenaStatement Render(EngagementQuery query, IReadOnlyList<string> identities, AthenaTarget target)
    {
        var parameters = new AthenaParameters();
        string events = string.Join(
            "\n    UNION ALL\n    ",
            Scan(target, parameters, identities, SesEventType.Delivery, query.DeliveryDays,
                $"{EngagementSql.Delivery} AS kind, mail, {Sql.DeliveryRecipients} AS recipients, {Sql.Milliseconds(Sql.DeliveryTime)} AS event_time, CAST(NULL AS varchar) AS event"),
            Scan(target, parameters, identities, SesEventType.Open, query.Days,
                $"{EngagementSql.Open}, mail, {Sql.Destination}, {Sql.Milliseconds(Sql.OpenTime)}, {EngagementSql.OpenKey(Sql)}"),
            Scan(target, parameters, identities, SesEventType.Click, query.Days,
                $"{EngagementSql.Click}, mail, {Sql.Destination}, {Sql.Milliseconds(Sql.ClickTime)}, {EngagementSql.ClickKey(Sql)}"));
        string window = parameters.Bind(query.ProxyOpenWindowMilliseconds.ToString(CultureInfo.InvariantCulture));
        string keys = EngagementSql.GroupColumns(query.GroupBy, k => GroupSql.Athena(k, "recipient", parameters));
        string from = parameters.Bind(AthenaPartitions.ToText(query.Days.From));
        string to = parameters.Bind(AthenaPartitions.ToText(query.Days.To));
        string columns = (query.Total ? string.Empty : AthenaPartitions.Day + ", ") + EngagementSql.GroupNames(query.GroupBy);

        string text = $"""
            WITH events AS (
                {events}
            ),
            timed AS (
                SELECT *, array_agg(CASE WHEN kind = {EngagementSql.Delivery} THEN event_time END) OVER (PARTITION BY {Sql.MessageId}) AS deliveries
                FROM events
            ),
            per_recipient AS (
                SELECT *, kind = {EngagementSql.Open} AND coalesce(any_match(deliveries, t -> abs(t - event_time) <= CAST({window} AS bigint)), false) AS proxy,
                    {keys}
                FROM timed
                CROSS JOIN UNNEST(recipients) AS u (recipient)
                WHERE kind <> {EngagementSql.Delivery} OR {AthenaPartitions.Day} BETWEEN {from} AND {to}
            )
            SELECT {columns},
                {string.Join(",\n    ", EngagementSql.Counts(Sql))}
            FROM per_recipient
            GROUP BY {GroupOrdinals(query.GroupBy.Keys.Count + (query.Total ? 0 : 1))}
            """;
        return new AthenaStatement(text, parameters.Values);
    }

    public static AthenaStatement RenderLinks(LinkQuery query, IReadOnlyList<string> identities, AthenaTarget target)
    {
        var parameters = new AthenaParameters();
        string events = Scan(target, parameters, identities, SesEventType.Click, query.Days,
            $"mail, {Sql.Destination} AS recipients, {EngagementSql.ClickKey(Sql)} AS event, {Sql.Link} AS link, {Sql.LinkTagsText(Sql.LinkTagsMap)} AS link_tags");
        string keys = EngagementSql.GroupColumns(query.GroupBy, k => GroupSql.Athena(k, "recipient", parameters));
        string text = $"""
            WITH events AS (
                {events}
            ),
            per_recipient AS (
                SELECT *, {keys}, {EngagementSql.Pair(Sql)} AS pair
                FROM events
                CROSS JOIN UNNEST(recipients) AS u (recipient)
            )
            SELECT {EngagementSql.GroupNames(query.GroupBy)}, link, link_tags, count(DISTINCT event), count(DISTINCT pair)
            FROM per_recipient
            GROUP BY {GroupOrdinals(query.GroupBy.Keys.Count + 2)}
            """;
        return new AthenaStatement(text, parameters.Values);
    }

    internal static EngagementRow Read(AthenaRow row, EngagementQuery query)
    {
        int first = query.Total ? 0 : 1;
        int keys = query.GroupBy.Keys.Count;
        DateOnly? day = query.Total ? null : AthenaPartitions.ParseDay(row[0]);
        var group = new GroupValues(query.GroupBy, Enumerable.Range(first, keys).Select(i => row[i]));
        return new EngagementRow(day, group, EngagementCounts.FromColumns(i => Number(row[first + keys + i])));
    }

    internal static LinkRow ReadLink(AthenaRow row, LinkQuery query)
    {
        int keys = query.GroupBy.Keys.Count;
        var group = new GroupValues(query.GroupBy, Enumerable.Range(0, keys).Select(i => row[i]));
        return new LinkRow(group, row[keys], row[keys + 1], Number(row[keys + 2]), Number(row[keys + 3]));
    }

    private static string Scan(AthenaTarget target, AthenaParameters parameters, IReadOnlyList<string> identities, SesEventType type, DayRange days, string columns) =>
        $"""
        SELECT {AthenaPartitions.Identity}, {AthenaPartitions.Day}, {columns}
            FROM {target.QualifiedTable}
            WHERE {AthenaPartitions.Condition(parameters, identities, [type], days).Replace("\n", "\n    ", StringComparison.Ordinal)}
        """;

    private static string GroupOrdinals(int count) => string.Join(", ", Enumerable.Range(1, count));

    private static long Number(string? text) => long.Parse(text ?? "0", NumberStyles.Integer, CultureInfo.InvariantCulture);
}
