using System.Globalization;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Query.Failures;

/// <summary>
/// The failures of <see cref="FailureQuery"/> in Athena's SQL, over the stack's table, in one statement: one part per
/// kind, each constrained on all three partition columns, grouped the same way, so both give equal summaries.
/// </summary>
public static class AthenaFailureQuery
{
    public static AthenaStatement Render(EventQuery query, GroupBy grouping, IReadOnlyList<FailureKind> kinds, bool total, IReadOnlyList<string> identities, AthenaTarget target)
    {
        var parameters = new AthenaParameters();
        string day = total ? "CAST(NULL AS varchar)" : AthenaPartitions.Day;
        IEnumerable<string> parts = kinds.Distinct().Order().Select(kind =>
        {
            FailureSql.Shape shape = FailureSql.Athena(kind);
            string address = shape.Address;
            string keys = string.Join(string.Empty, grouping.Keys.Select((k, i) => k.Dimension == GroupDimension.RecipientDomain
                ? $"{NormalizedGroupSql.DomainKey(NormalizedGroupSql.AthenaDomain(address, parameters))} AS k{i}, "
                : $"{NormalizedGroupSql.Athena(k, FailureSql.Domain, parameters)} AS k{i}, "));
            return $"""
                SELECT {day} AS d, {keys}'{kind}' AS kind, {shape.Type} AS type, {shape.SubType} AS subtype, {shape.Code} AS code, {shape.Status} AS status,
                    {NormalizedGroupSql.AthenaDomain(address, parameters)} AS {FailureSql.Domain}, {shape.Event} AS event
                FROM {target.QualifiedTable}
                CROSS JOIN UNNEST({shape.Recipients}) AS {FailureSql.AthenaRecipientColumns(kind)}
                WHERE {AthenaPartitions.Condition(parameters, identities, [kind.EventType()], query.Days)}
                """;
        });
        string failure = "d, " + string.Join(string.Empty, grouping.Keys.Select((_, i) => $"k{i}, ")) + "kind, type, subtype, code, status";
        string text = $"""
            SELECT {failure}, {FailureSql.Domain}, grouping({FailureSql.Domain}), count(DISTINCT event), count(*)
            FROM (
            {string.Join("\nUNION ALL\n", parts)}
            )
            GROUP BY GROUPING SETS (({failure}, {FailureSql.Domain}), ({failure}))
            """;
        return new AthenaStatement(text, parameters.Values);
    }

    public static FailureRow Read(AthenaRow row, GroupBy grouping)
    {
        int keys = grouping.Keys.Count;
        return new FailureRow(
            row[0] is null ? null : AthenaPartitions.ParseDay(row[0]),
            new GroupValues(grouping, Enumerable.Range(1, keys).Select(i => row[i])),
            Enum.Parse<FailureKind>(row[keys + 1] ?? string.Empty),
            row[keys + 2],
            row[keys + 3],
            row[keys + 4],
            row[keys + 5],
            row[keys + 6],
            Number(row[keys + 7]) == 1,
            Number(row[keys + 8]),
            Number(row[keys + 9]));
    }

    private static long Number(string? text) => long.Parse(text ?? "0", NumberStyles.Integer, CultureInfo.InvariantCulture);
}
