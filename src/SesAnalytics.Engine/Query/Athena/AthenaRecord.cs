namespace SesAnalytics.Engine.Query.Athena;

/// <summary>One row of any query, typed by the column metadata (<see cref="AthenaValues"/>): names and values in column order.</summary>
public sealed record AthenaRecord(IReadOnlyList<string> Names, IReadOnlyList<object?> Values)
{
    public static AthenaRecord From(AthenaRow row)
    {
        var names = new List<string>(row.Columns.Count);
        var values = new List<object?>(row.Columns.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < row.Columns.Count; i++)
        {
            string name = string.IsNullOrEmpty(row.Columns[i].Name) ? $"_col{i}" : row.Columns[i].Name;
            // Object properties need unique names; SQL allows two columns named alike.
            string unique = name;
            for (int n = 2; !seen.Add(unique); n++)
            {
                unique = $"{name}_{n}";
            }

            names.Add(unique);
            values.Add(AthenaValues.Convert(row[i], row.Columns[i].Type));
        }

        return new AthenaRecord(names, values);
    }
}
