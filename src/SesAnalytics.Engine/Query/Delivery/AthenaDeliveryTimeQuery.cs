using System.Globalization;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Query.Delivery;

/// <summary>
/// The delivery times of <see cref="DeliveryTimeQuery"/> in Athena's SQL, over the stack's table, in one statement:
/// the same groups, counts and nearest-rank percentiles (exact: Athena's approx_percentile would not be equal).
/// </summary>
public static class AthenaDeliveryTimeQuery
{
    private const string Domain = "u.domain";

    public static AthenaStatement Render(EventQuery query, GroupBy grouping, bool total, IReadOnlyList<string> identities, AthenaTarget target)
    {
        var parameters = new AthenaParameters();
        string keys = string.Join(", ", grouping.Keys.Select((_, i) => $"k{i}"));
        string keyValues = string.Join(", ", grouping.Keys.Select((k, i) => $"{NormalizedGroupSql.Athena(k, Domain, parameters)} AS k{i}"));
        string recipients = grouping.ByRecipient
            ? $"cardinality(filter(delivery.recipients, r -> {NormalizedGroupSql.AthenaDomain("r", parameters)} = {Domain}))"
            : "coalesce(cardinality(delivery.recipients), 0)";
        string unnest = grouping.ByRecipient
            ? $"\n            CROSS JOIN UNNEST(array_distinct(transform(delivery.recipients, r -> {NormalizedGroupSql.AthenaDomain("r", parameters)}))) AS u (domain)"
            : string.Empty;
        string day = total ? "CAST(NULL AS varchar)" : AthenaPartitions.Day;
        string percentiles = string.Join(", ", DeliveryTimeRow.Percentiles.Select(p => $"IF(cardinality(times) > 0, element_at(times, ({p} * cardinality(times) + 99) / 100))"));
        string text = $"""
            SELECT d, {keys}, deliveries, recipients, slowest, {percentiles}
            FROM (
                SELECT d, {keys}, count(*) AS deliveries, coalesce(sum(recipients), 0) AS recipients, max(ms) AS slowest,
                    array_sort(array_agg(ms) FILTER (WHERE ms IS NOT NULL)) AS times
                FROM (
                    SELECT {day} AS d, {keyValues}, delivery.processingtimemillis AS ms, {recipients} AS recipients
                    FROM {target.QualifiedTable}{unnest}
                    WHERE {AthenaPartitions.Condition(parameters, identities, [SesEventType.Delivery], query.Days)}
                )
                GROUP BY d, {keys}
            )
            """;
        return new AthenaStatement(text, parameters.Values);
    }

    public static DeliveryTimeRow Read(AthenaRow row, GroupBy grouping)
    {
        int keys = grouping.Keys.Count;
        return new DeliveryTimeRow(
            row[0] is null ? null : AthenaPartitions.ParseDay(row[0]),
            new GroupValues(grouping, Enumerable.Range(1, keys).Select(i => row[i])),
            Number(row[keys + 1]) ?? 0,
            Number(row[keys + 2]) ?? 0,
            Number(row[keys + 4]),
            Number(row[keys + 5]),
            Number(row[keys + 6]),
            Number(row[keys + 3]));
    }

    private static long? Number(string? text) =>
        text is null ? null : long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
