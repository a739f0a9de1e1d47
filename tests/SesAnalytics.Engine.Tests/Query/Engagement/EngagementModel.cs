using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Query.Engagement;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Tests.Query.Athena;

namespace SesAnalytics.Engine.Tests.Query.Engagement;

/// <summary>
/// What the engagement statements should return, worked out in plain C# from the events: the rows the Athena fake
/// answers with, and an independent check of the DuckDB statement. Supports the keys the tests group by.
/// </summary>
internal static partial class EngagementModel
{
    public static IEnumerable<IReadOnlyList<string?>> Rows(IReadOnlyList<StoredEvent> events, EngagementQuery query)
    {
        long window = (long)query.ProxyOpenWindow.TotalMilliseconds;
        var deliveries = events
            .Where(e => e.Type == SesEventType.Delivery && Within(e.Day, query.Days.From.AddDays(-1), query.Days.To.AddDays(1)))
            .ToList();
        var rows = new List<(string? Day, string?[] Keys, string Kind, string Pair, string? Event, bool Proxy)>();
        foreach (StoredEvent e in events)
        {
            string kind = e.Type.ToString();
            if (e.Type is not (SesEventType.Delivery or SesEventType.Open or SesEventType.Click) || !query.Days.Contains(e.Day))
            {
                continue;
            }

            string message = Text(e.Json, "mail", "messageId")!;
            long at = Milliseconds(Text(e.Json, kind.ToLowerInvariant(), "timestamp"));
            bool proxy = e.Type == SesEventType.Open && deliveries.Any(d =>
                Text(d.Json, "mail", "messageId") == message && Math.Abs(Milliseconds(Text(d.Json, "delivery", "timestamp")) - at) <= window);
            string? eventKey = e.Type switch
            {
                SesEventType.Open => string.Join('\u001f', message, Text(e.Json, "open", "timestamp"), Text(e.Json, "open", "ipAddress"), Text(e.Json, "open", "userAgent")),
                SesEventType.Click => string.Join('\u001f', message, Text(e.Json, "click", "timestamp"), Text(e.Json, "click", "ipAddress"), Text(e.Json, "click", "userAgent"), Text(e.Json, "click", "link")),
                _ => null,
            };
            JsonNode? recipients = e.Type == SesEventType.Delivery ? e.Json["delivery"]!["recipients"] : e.Json["mail"]!["destination"];
            foreach (string recipient in recipients!.AsArray().Select(r => r!.GetValue<string>()))
            {
                string?[] keys = query.GroupBy.Keys.Select(k => Key(k, e, recipient)).ToArray();
                string? day = query.Total ? null : e.Day.ToString(FirehoseLayout.DayFormat, CultureInfo.InvariantCulture);
                rows.Add((day, keys, kind, message + '\u001f' + Address(recipient), eventKey, proxy));
            }
        }

        return rows
            .GroupBy(r => (r.Day, Keys: string.Join('\u001e', r.Keys.Select(k => k ?? "\0"))))
            .Select(g =>
            {
                var first = g.First();
                long[] counts =
                [
                    Pairs(g.Where(r => r.Kind == "Delivery")),
                    Pairs(g.Where(r => r.Kind == "Open" && !r.Proxy)),
                    Pairs(g.Where(r => r.Kind == "Open")),
                    Pairs(g.Where(r => r.Kind == "Click")),
                    Events(g.Where(r => r.Kind == "Open" && !r.Proxy)),
                    Events(g.Where(r => r.Kind == "Open")),
                    Events(g.Where(r => r.Kind == "Click")),
                    Events(g.Where(r => r.Kind == "Open" && r.Proxy)),
                ];
                IEnumerable<string?> day = query.Total ? [] : [first.Day];
                return (IReadOnlyList<string?>)[.. day, .. first.Keys, .. counts.Select(c => c.ToString(CultureInfo.InvariantCulture))];
            })
            .ToList();

        static long Pairs(IEnumerable<(string? Day, string?[] Keys, string Kind, string Pair, string? Event, bool Proxy)> rows) => rows.Select(r => r.Pair).Distinct().Count();

        static long Events(IEnumerable<(string? Day, string?[] Keys, string Kind, string Pair, string? Event, bool Proxy)> rows) => rows.Select(r => r.Event).Distinct().Count();
    }

    public static string[] Columns(EngagementQuery query) =>
        [.. query.Total ? Array.Empty<string>() : ["day"], .. query.GroupBy.Keys.Select((_, i) => $"_col{i}"), .. Enumerable.Range(0, 8).Select(i => $"_c{i}")];

    public static string[] Types(EngagementQuery query) =>
        [.. Enumerable.Repeat("varchar", query.GroupBy.Keys.Count + (query.Total ? 0 : 1)), .. Enumerable.Repeat("bigint", 8)];

    private static string? Key(GroupKey key, StoredEvent e, string recipient) => key.Dimension switch
    {
        GroupDimension.Identity => e.Identity,
        GroupDimension.ConfigurationSet => e.Json["mail"]!["tags"]?["ses:configuration-set"]?[0]?.GetValue<string>(),
        GroupDimension.RecipientDomain => DomainPattern().Match(recipient) is { Success: true } m ? m.Groups[1].Value : null,
        GroupDimension.Tag => e.Json["mail"]!["tags"]?.AsObject().FirstOrDefault(t => string.Equals(t.Key, key.TagName, StringComparison.OrdinalIgnoreCase)).Value?[0]?.GetValue<string>(),
        _ => throw new NotSupportedException(key.ToString()),
    };

    private static string Address(string recipient) =>
        (AddressPattern().Match(recipient) is { Success: true } m ? m.Groups[1].Value : recipient).Trim().ToLowerInvariant();

    private static bool Within(DateOnly day, DateOnly from, DateOnly to) => day >= from && day <= to;

    private static long Milliseconds(string? time) =>
        DateTimeOffset.Parse(time!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeMilliseconds();

    private static string? Text(JsonNode json, params string[] path)
    {
        JsonNode? node = json;
        foreach (string name in path)
        {
            node = node?[name];
        }

        return node?.GetValue<string>();
    }

    [GeneratedRegex(@"@([^@<>\s]+)>?\s*$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex("<([^<>]+)>")]
    private static partial Regex AddressPattern();
}
