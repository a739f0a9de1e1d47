namespace SesAnalytics.Engine.Partitioning;

/// <summary>Byte-level JSON helpers that keep the record's own text (escapes, number spelling) intact.</summary>
internal static class JsonText
{
    /// <summary>The record without whitespace outside strings; the same array when there is none to remove.</summary>
    public static byte[] Compact(byte[] json)
    {
        bool inString = false;
        bool escaped = false;
        int whitespace = 0;
        foreach (byte b in json)
        {
            if (inString)
            {
                (inString, escaped) = escaped ? (true, false) : (b != '"', b == '\\');
            }
            else if (b == '"')
            {
                inString = true;
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                whitespace++;
            }
        }

        if (whitespace == 0)
        {
            return json;
        }

        var compact = new byte[json.Length - whitespace];
        int next = 0;
        inString = false;
        escaped = false;
        foreach (byte b in json)
        {
            if (inString)
            {
                (inString, escaped) = escaped ? (true, false) : (b != '"', b == '\\');
            }
            else if (b == '"')
            {
                inString = true;
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            compact[next++] = b;
        }

        return compact;
    }
}
