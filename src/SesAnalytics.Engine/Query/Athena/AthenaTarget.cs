using System.Text.RegularExpressions;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Stack;

namespace SesAnalytics.Engine.Query.Athena;

/// <summary>
/// Where a cloud query runs: the Athena work group, and the Glue database and table the stack deployed. The names are
/// checked here because the database and table become SQL text (the only text of a statement not passed as a parameter).
/// </summary>
public sealed partial record AthenaTarget
{
    /// <param name="linesTable">The table of event lines over the same objects; by default the stack's name for it,
    /// <paramref name="table"/> followed by <see cref="EventTableSchema.LinesTableSuffix"/>.</param>
    public AthenaTarget(string workGroup, string database, string table, string? linesTable = null)
    {
        WorkGroup = CheckWorkGroup(workGroup);
        Database = Check(database, GlueName(), "InvalidAthenaDatabase", "Glue database", "1-255 letters, digits and underscores");
        Table = Check(table, GlueName(), "InvalidAthenaTable", "Glue table", "1-255 letters, digits and underscores");
        LinesTable = Check(linesTable ?? EventTableSchema.LinesTableName(table), GlueName(), "InvalidAthenaTable", "Glue table", "1-255 letters, digits and underscores");
    }

    public string WorkGroup { get; }

    public string Database { get; }

    public string Table { get; }

    public string LinesTable { get; }

    /// <summary>The AWS account of the stack the target was read from (from its stack id); null for named tables.</summary>
    public string? Account { get; init; }

    /// <summary><c>"database"."table"</c>: quoted, so a name that is a keyword (such as <c>events</c> one day) still works.</summary>
    public string QualifiedTable => $"\"{Database}\".\"{Table}\"";

    public string QualifiedLinesTable => $"\"{Database}\".\"{LinesTable}\"";

    public static string CheckWorkGroup(string workGroup) =>
        Check(workGroup, WorkGroupName(), "InvalidAthenaWorkGroup", "work group", "1-128 letters, digits, '.', '_' and '-'");

    private static string Check(string name, Regex rule, string errorId, string what, string allowed) =>
        rule.IsMatch(name)
            ? name
            : throw new InvalidInputException(errorId, $"'{name}' is not a valid Athena {what} name. Use {allowed}, as the stack's outputs name it.", name);

    [GeneratedRegex("^[A-Za-z0-9_]{1,255}$")]
    private static partial Regex GlueName();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex WorkGroupName();
}
