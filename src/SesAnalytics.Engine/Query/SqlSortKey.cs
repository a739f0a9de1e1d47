namespace SesAnalytics.Engine.Query;

/// <summary>
/// Up to three text columns compared as DuckDB's <c>ORDER BY a, b, c</c> compares them: by Unicode code point (the
/// order of their UTF-8 bytes), a prefix first, NULL after every value.
/// </summary>
public readonly record struct SqlSortKey(string? First, string? Second = null, string? Third = null) : IComparable<SqlSortKey>
{
    public int CompareTo(SqlSortKey other)
    {
        int order = Compare(First, other.First);
        if (order == 0)
        {
            order = Compare(Second, other.Second);
        }

        return order != 0 ? order : Compare(Third, other.Third);
    }

    /// <summary>
    /// Ordinal UTF-16 order is code point order except where a surrogate meets a character from U+E000 to U+FFFF:
    /// there the surrogate (a code point above U+FFFF) comes last.
    /// </summary>
    public static int Compare(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : 1) : -1;
        }

        int length = Math.Min(left.Length, right.Length);
        for (int i = 0; i < length; i++)
        {
            char a = left[i];
            char b = right[i];
            if (a != b)
            {
                return CodePointRank(a) - CodePointRank(b);
            }
        }

        return left.Length - right.Length;
    }

    private static int CodePointRank(char c) => c < '\uD800' ? c : c >= '\uE000' ? c - 0x800 : c + 0x2000;
}
