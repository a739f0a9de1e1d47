using SesAnalytics.Engine.Stack;

namespace SesAnalytics.Engine.Query.Athena;

/// <summary>
/// The events query of <see cref="EventsQuery"/> in Athena's SQL, over the stack's lines table: the records as SES
/// wrote them, of the asked partitions and messages, in the same order (day, identity, then <see cref="EventOrder"/>),
/// so <see cref="EventLineReader"/> types them exactly as it types a local store's lines.
/// </summary>
public static class AthenaEventsQuery
{
    private const string Line = "\"" + EventTableSchema.LineColumn + "\"";

    public static AthenaStatement Render(EventQuery query, IReadOnlyList<string> messageIds, IReadOnlyList<string> identities, AthenaTarget target)
    {
        var parameters = new AthenaParameters();
        var conditions = new List<string> { AthenaPartitions.Condition(parameters, identities, query.EventTypes, query.Days) };
        if (messageIds.Count > 0)
        {
            conditions.Add($"{Extract(EventOrder.MessageIdPath)} IN ({parameters.BindAll(messageIds)})");
        }

        string text = $"""
            SELECT {AthenaPartitions.Identity}, {AthenaPartitions.Day}, {Line}
            FROM {target.QualifiedLinesTable}
            WHERE {string.Join("\n  AND ", conditions)}
            ORDER BY {AthenaPartitions.Day}, {AthenaPartitions.Identity}, {EventOrder.Keys(Extract)}
            """;
        return new AthenaStatement(text, parameters.Values);
    }

    /// <summary>The identity, day and line of one result row.</summary>
    public static (string Identity, DateOnly Day, string? Line) Read(AthenaRow row) =>
        (row[0] ?? string.Empty, AthenaPartitions.ParseDay(row[1]), row[2]);

    /// <summary>The paths are the engine's constants, never user input.</summary>
    private static string Extract(string path) => $"json_extract_scalar({Line}, '{path}')";
}
