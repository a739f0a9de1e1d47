using SesAnalytics.Engine.Aws.Athena.Model;

namespace SesAnalytics.Engine.Query.Athena;

/// <summary>One result row as Athena returns it: text per column (null for SQL NULL), with the result's column metadata.</summary>
public sealed record AthenaRow(IReadOnlyList<ColumnInfo> Columns, IReadOnlyList<string?> Values)
{
    public string? this[int ordinal] => ordinal < Values.Count ? Values[ordinal] : null;
}
