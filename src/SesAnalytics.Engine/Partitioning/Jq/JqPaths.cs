namespace SesAnalytics.Engine.Partitioning.Jq;

/// <summary>
/// Which parts of the input a query can observe, for <see cref="JsonPruner"/>: every value a path expression reaches
/// is kept whole, and an array that is indexed is kept whole. Queries with a computed index key are not analysed.
/// </summary>
internal static class JqPaths
{
    public static bool TryAddTo(JqNode query, JsonPruner pruner)
    {
        var kept = new List<List<string>>();
        if (!TryAnalyse(query, [], kept, out List<string>? result))
        {
            return false;
        }

        Keep(result, kept);
        foreach (List<string> path in kept)
        {
            pruner.Keep(path);
        }

        return true;
    }

    // result: the input path the node's value is (null when it is not a path of the input: a literal, an object).
    private static bool TryAnalyse(JqNode node, List<string> prefix, List<List<string>> kept, out List<string>? result)
    {
        result = null;
        switch (node)
        {
            case JqIdentity:
                result = prefix;
                return true;
            case JqLiteral:
                return true;
            case JqIndex { Key: JqLiteral key } index:
                if (!TryAnalyse(index.Target, prefix, kept, out List<string>? target) || target is null)
                {
                    return false;
                }

                if (key.Value.Kind == JqKind.String)
                {
                    result = [.. target, key.Value.GetString()];
                    return true;
                }

                // An indexed array (or whatever stands there) is kept whole; the item is then a value, not a path.
                Keep(target, kept);
                return true;
            case JqPipe pipe:
                return TryAnalyse(pipe.Left, prefix, kept, out List<string>? left)
                    && left is not null
                    && TryAnalyse(pipe.Right, left, kept, out result);
            case JqTry body:
                return TryAnalyse(body.Body, prefix, kept, out result);
            case JqAlternative alternative:
                if (!TryAnalyse(alternative.Left, prefix, kept, out List<string>? first)
                    || !TryAnalyse(alternative.Right, prefix, kept, out List<string>? second))
                {
                    return false;
                }

                Keep(first, kept);
                Keep(second, kept);
                return true;
            case JqObjectConstruction construction:
                foreach (KeyValuePair<string, JqNode> entry in construction.Entries)
                {
                    if (!TryAnalyse(entry.Value, prefix, kept, out List<string>? value))
                    {
                        return false;
                    }

                    Keep(value, kept);
                }

                return true;
            default:
                return false;
        }
    }

    private static void Keep(List<string>? path, List<List<string>> kept)
    {
        if (path is not null)
        {
            kept.Add(path);
        }
    }
}
