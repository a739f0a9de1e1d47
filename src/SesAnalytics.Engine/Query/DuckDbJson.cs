using System.Globalization;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// The <c>FROM</c> clauses that read store objects. DuckDB binds table-function arguments when the statement is
/// planned, so the file list cannot be a prepared parameter: it is the only text of a statement not bound as a
/// parameter, and it holds only paths the store enumerated itself, each quoted as a SQL string literal.
/// </summary>
internal static class DuckDbJson
{
    /// <summary>
    /// DuckDB's default, written out so a change of default cannot break reading: an SES event carries headers, not the
    /// body, and SES truncates long header lists (<c>headersTruncated</c>), so one line stays far below it.
    /// </summary>
    private const int MaximumObjectSize = 16 * 1024 * 1024;

    /// <summary><c>read_json</c> with explicit column types: no schema inference, and a missing field is simply NULL.</summary>
    public static string Read(IEnumerable<string> objects, string columns, bool ignoreErrors) =>
        $"read_json({FileList(objects)}, format = 'newline_delimited', compression = 'gzip', columns = {{{columns}}}, " +
        $"maximum_object_size = {MaximumObjectSize}, ignore_errors = {(ignoreErrors ? "true" : "false")})";

    /// <summary>One row per line without parsing fields: for counting events.</summary>
    public static string ReadObjects(IEnumerable<string> objects, bool ignoreErrors) =>
        $"read_json_objects({FileList(objects)}, format = 'newline_delimited', compression = 'gzip', " +
        $"maximum_object_size = {MaximumObjectSize}, ignore_errors = {(ignoreErrors ? "true" : "false")})";

    /// <summary>A column of <c>read_json</c>'s <c>columns</c> argument: <c>name: 'TYPE'</c>.</summary>
    public static string Column(string name, string type) => $"{name}: {Literal(type)}";

    /// <summary>A STRUCT type whose field names are quoted, since SES keys hold colons and dashes (<c>ses:source-ip</c>).</summary>
    public static string Struct(params (string Name, string Type)[] fields) =>
        "STRUCT(" + string.Join(", ", fields.Select(f => $"{Identifier(f.Name)} {f.Type}")) + ")";

    /// <summary>
    /// The objects of <paramref name="type"/> in a batch of partitions, in list order, with the expression that gives each
    /// row's partition (its index in <paramref name="partitions"/>) from <c>file_index</c>, the position of the row's object
    /// in the list given to <c>read_json</c>.
    /// </summary>
    public static BatchObjects Batch(IReadOnlyList<StorePartition> partitions, SesEventType type)
    {
        var objects = new List<string>();
        var partitionOfObject = new List<int>();
        for (int i = 0; i < partitions.Count; i++)
        {
            IReadOnlyList<string> ofPartition = partitions[i].Objects(type);
            objects.AddRange(ofPartition);
            partitionOfObject.AddRange(Enumerable.Repeat(i, ofPartition.Count));
        }

        string list = string.Join(", ", partitionOfObject.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        return new BatchObjects(objects, $"CAST([{list}][CAST(file_index AS BIGINT) + 1] AS INTEGER)");
    }

    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string FileList(IEnumerable<string> objects) => "[" + string.Join(", ", objects.Select(o => Literal(GlobLiteral(o)))) + "]";

    /// <summary>
    /// DuckDB expands <c>*</c>, <c>?</c> and <c>[...]</c> in every path of the list as a glob, and a store may live in a
    /// folder named with them: each is put in brackets, which match only that character.
    /// </summary>
    private static string GlobLiteral(string path) =>
        path.Replace("[", "[[]", StringComparison.Ordinal)
            .Replace("*", "[*]", StringComparison.Ordinal)
            .Replace("?", "[?]", StringComparison.Ordinal);
}

/// <summary>Objects to read in one statement and the SQL expression of each row's partition index.</summary>
internal sealed record BatchObjects(IReadOnlyList<string> Objects, string PartitionIndex);
