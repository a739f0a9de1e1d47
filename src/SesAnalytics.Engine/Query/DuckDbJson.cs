using System.Globalization;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// The <c>FROM</c> clauses that read store objects, or the cache files beside them. DuckDB binds table-function arguments when the statement is
/// planned, so the file list cannot be a prepared parameter: it is the only text of a statement not bound as a
/// parameter, and it holds only paths the store enumerated itself, each quoted as a SQL string literal.
/// A store folder whose cache is fresh (<see cref="StoreFolder.Cache"/>) is read from it with <c>read_parquet</c>, with
/// the same columns and types as from its objects, so a query's SQL is the same over both.
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

    /// <summary>
    /// The <paramref name="columns"/> of the events in <paramref name="folders"/>: each folder's fresh cache file where
    /// it has one, else its objects. With files of both kinds it is a union whose <c>file_index</c> numbers the objects
    /// first, then the cache files (the order <see cref="Batch"/> maps to partitions).
    /// </summary>
    public static string Read(IReadOnlyList<StoreFolder> folders, DuckDbColumns columns, bool ignoreErrors)
    {
        (List<string> objects, List<string> caches) = Split(folders);
        string json = Read(objects, columns.Render(), ignoreErrors);
        if (columns.Derived.Count == 0)
        {
            return Union(objects.Count, json, "*", caches, columns.Project());
        }

        string computed = "*, " + columns.Derive();
        return caches.Count == 0
            ? $"(SELECT CAST(file_index AS BIGINT) AS file_index, {computed} FROM {json})"
            : Union(objects.Count, json, computed, caches, columns.Project());
    }

    /// <summary>One row per event (per line) without parsing fields, of the <c>json</c> column: for counting events.</summary>
    public static string ReadLines(IReadOnlyList<StoreFolder> folders, bool ignoreErrors)
    {
        (List<string> objects, List<string> caches) = Split(folders);
        return Union(objects.Count, ReadObjects(objects, ignoreErrors), "*", caches, "'{}'::JSON AS json");
    }

    /// <summary>One row per line without parsing fields: for counting events.</summary>
    public static string ReadObjects(IEnumerable<string> objects, bool ignoreErrors) =>
        $"read_json_objects({FileList(objects)}, format = 'newline_delimited', compression = 'gzip', " +
        $"maximum_object_size = {MaximumObjectSize}, ignore_errors = {(ignoreErrors ? "true" : "false")})";

    /// <summary>A column of <c>read_json</c>'s <c>columns</c> argument: <c>name: 'TYPE'</c>.</summary>
    public static string Column(string name, string type) => $"{name}: {Literal(type)}";

    /// <summary>A STRUCT type whose field names are quoted, since SES keys hold colons and dashes (<c>ses:source-ip</c>).</summary>
    public static string Struct(params (string Name, string Type)[] fields)
    {
        var declared = new string[fields.Length];
        for (int i = 0; i < fields.Length; i++)
        {
            declared[i] = Identifier(fields[i].Name) + " " + fields[i].Type;
        }

        return "STRUCT(" + string.Join(", ", declared) + ")";
    }

    /// <summary>
    /// The folders of <paramref name="type"/> in a batch of partitions, in list order, with the expression that gives
    /// each row's partition (its index in <paramref name="partitions"/>) from <c>file_index</c>, the position of the row's
    /// file among those <see cref="Read(IReadOnlyList{StoreFolder}, DuckDbColumns, bool)"/> reads.
    /// </summary>
    public static BatchObjects Batch(IReadOnlyList<StorePartition> partitions, SesEventType type)
    {
        var folders = new List<StoreFolder>();
        var partitionOfFolder = new Dictionary<StoreFolder, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < partitions.Count; i++)
        {
            foreach (StoreFolder folder in partitions[i].FoldersOf(type))
            {
                folders.Add(folder);
                partitionOfFolder[folder] = i;
            }
        }

        string list = string.Join(", ", FolderOfEachFile(folders).Select(f => partitionOfFolder[f].ToString(CultureInfo.InvariantCulture)));
        return new BatchObjects(folders, $"CAST([{list}][CAST(file_index AS BIGINT) + 1] AS INTEGER)");
    }

    /// <summary>
    /// The folder of each file <see cref="Read(IReadOnlyList{StoreFolder}, DuckDbColumns, bool)"/> reads, in the order of
    /// <c>file_index</c>: each object of the folders read from their objects, then each cache file.
    /// </summary>
    public static IEnumerable<StoreFolder> FolderOfEachFile(IReadOnlyList<StoreFolder> folders) =>
        folders.Where(f => f.Cache is null).SelectMany(f => Enumerable.Repeat(f, f.Objects.Count))
            .Concat(folders.Where(f => f.Cache is not null));

    /// <summary>The objects of the folders read from their objects, and the cache files of the others, in folder order.</summary>
    private static (List<string> Objects, List<string> Caches) Split(IReadOnlyList<StoreFolder> folders) =>
        (folders.Where(f => f.Cache is null).SelectMany(f => f.Objects).ToList(), folders.Select(f => f.Cache).OfType<string>().ToList());

    /// <param name="selected">What each row of the objects gives, <c>*</c> or more: the same columns as <paramref name="projection"/> of a cache file.</param>
    private static string Union(int objectCount, string objects, string selected, IReadOnlyList<string> caches, string projection)
    {
        if (caches.Count == 0)
        {
            return objects;
        }

        string cached = $"SELECT CAST(file_index AS BIGINT) + {objectCount} AS file_index, {projection} FROM read_parquet({FileList(caches)})";
        return objectCount == 0
            ? $"({cached})"
            : $"(SELECT CAST(file_index AS BIGINT) AS file_index, {selected} FROM {objects} UNION ALL {cached})";
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

/// <summary>Folders to read in one statement and the SQL expression of each row's partition index.</summary>
internal sealed record BatchObjects(IReadOnlyList<StoreFolder> Folders, string PartitionIndex);
