using System.Globalization;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Query.Breakdowns;

/// <summary>
/// The counts of <see cref="GroupedSummaryQuery"/> in Athena's SQL: one row per identity, day, event type and group,
/// constrained on all three partition columns, every value (tag names, patterns) a parameter.
/// </summary>
public static class AthenaGroupedSummaryQuery
{
    private const string DomainColumn = "recipient_domain";

    public static AthenaStatement Render(SummaryRequest request, IReadOnlyList<string> identities, AthenaTarget target)
    {
        var parameters = new AthenaParameters();
        GroupBy grouping = request.GroupBy;
        string recipients = GroupSql.AthenaRecipientsOfAnyType;
        List<string> keys = grouping.EventKeys
            .Select((key, i) => $"{(key == GroupKey.RecipientDomain ? DomainColumn : GroupSql.Athena(key, DomainColumn, parameters))} AS k{i}")
            .ToList();
        string count = grouping.ByRecipient
            ? $"cardinality(filter({recipients}, r -> {Domain("r", parameters)} = {DomainColumn}))"
            : $"cardinality({recipients})";
        string unnest = grouping.ByRecipient
            ? $"\n    CROSS JOIN UNNEST(array_distinct(transform({recipients}, r -> {Domain("r", parameters)}))) AS g ({DomainColumn})"
            : string.Empty;
        var conditions = new List<string> { AthenaPartitions.Condition(parameters, identities, request.Query.EventTypes, request.ReadDays) };
        if (request.ConfigurationSetPatterns.Count > 0)
        {
            string set = GroupSql.Athena(GroupKey.ConfigurationSet, DomainColumn, parameters);
            conditions.Add("(" + string.Join(" OR ", request.ConfigurationSetPatterns.Select(p => p.HasSets
                ? $"regexp_like({set}, {parameters.Bind(p.ToSqlRegex())})"
                : $"lower({set}) LIKE lower({parameters.Bind(p.ToSqlLike())}) ESCAPE '\\'")) + ")");
        }

        string partitionColumns = $"{AthenaPartitions.Identity}, {AthenaPartitions.Day}, {AthenaPartitions.EventType}";
        string keyColumns = string.Concat(Enumerable.Range(0, keys.Count).Select(i => $", k{i}"));
        string text = $"""
            SELECT
                {partitionColumns}{keyColumns},
                count(*), coalesce(sum(n), 0), count_if(permanent), coalesce(sum(CASE WHEN permanent THEN n END), 0)
            FROM (
                SELECT {partitionColumns}{string.Concat(keys.Select(k => ", " + k))},
                    {count} AS n, bounce.bouncetype = 'Permanent' AS permanent
                FROM {target.QualifiedTable}{unnest}
                WHERE {string.Join("\n  AND ", conditions)}
            )
            GROUP BY {partitionColumns}{keyColumns}
            ORDER BY {AthenaPartitions.Day}, {AthenaPartitions.Identity}, {AthenaPartitions.EventType}{keyColumns}
            """;
        return new AthenaStatement(text, parameters.Values);
    }

    public static GroupedCounts Read(AthenaRow row, GroupBy grouping)
    {
        int keys = grouping.EventKeys.Count;
        var values = new Queue<string?>(Enumerable.Range(3, keys).Select(i => row[i]));
        var group = new GroupValues(grouping, grouping.Keys.Select(k => k == GroupKey.Identity ? row[0] : values.Dequeue()));
        EventCounts counts = SesEventTypes.TryParse(row[2], out SesEventType type)
            ? SummaryCounts.Of(type, Number(row[keys + 3]), Number(row[keys + 4]), Number(row[keys + 5]), Number(row[keys + 6]))
            : EventCounts.Zero;
        return new GroupedCounts(group, AthenaPartitions.ParseDay(row[1]), counts);
    }

    /// <summary>The same domain text as the DuckDB side: lower-case, empty when an address has none.</summary>
    private static string Domain(string recipient, AthenaParameters parameters) =>
        $"coalesce(lower({GroupSql.Athena(GroupKey.RecipientDomain, recipient, parameters)}), '')";

    private static long Number(string? text) => long.Parse(text ?? "0", NumberStyles.Integer, CultureInfo.InvariantCulture);
}
