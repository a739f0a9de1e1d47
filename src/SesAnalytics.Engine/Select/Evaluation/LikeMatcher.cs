namespace SesAnalytics.Engine.Select.Evaluation;

/// <summary>
/// SQL LIKE: <c>%</c> any run of characters, <c>_</c> exactly one, the escape character makes the next one literal.
/// Case-sensitive. Keeps the last pattern compiled, since a query's pattern is almost always a literal.
/// </summary>
internal sealed class LikeMatcher
{
    private string? _pattern;
    private char? _escape;
    private (char Char, bool IsWildcard)[] _compiled = [];

    public bool IsMatch(string value, string pattern, char? escape)
    {
        if (_pattern != pattern || _escape != escape)
        {
            _compiled = Compile(pattern, escape);
            _pattern = pattern;
            _escape = escape;
        }

        return Match(value, _compiled);
    }

    private static (char, bool)[] Compile(string pattern, char? escape)
    {
        var parts = new List<(char, bool)>(pattern.Length);
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == escape && i + 1 < pattern.Length)
            {
                parts.Add((pattern[++i], false));
            }
            else
            {
                parts.Add((c, c is '%' or '_'));
            }
        }

        return [.. parts];
    }

    // Greedy match with a single backtrack point, which is enough for patterns whose only repeat is '%'.
    private static bool Match(string value, (char Char, bool IsWildcard)[] pattern)
    {
        int v = 0, p = 0, starP = -1, starV = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] is ('%', true))
            {
                starP = p++;
                starV = v;
            }
            else if (p < pattern.Length && (pattern[p] is ('_', true) || (!pattern[p].IsWildcard && pattern[p].Char == value[v])))
            {
                p++;
                v++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                v = ++starV;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] is ('%', true))
        {
            p++;
        }

        return p == pattern.Length;
    }
}
