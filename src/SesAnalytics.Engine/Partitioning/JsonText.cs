using System.Buffers;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>Byte-level JSON helpers that keep the record's own text (escapes, number spelling) intact.</summary>
internal static class JsonText
{
    private static readonly SearchValues<byte> OutsideString = SearchValues.Create("\" \t\r\n"u8);
    private static readonly SearchValues<byte> InsideString = SearchValues.Create("\"\\"u8);

    /// <summary>The record without whitespace outside strings; the same array when there is none to remove.</summary>
    public static byte[] Compact(byte[] json)
    {
        byte[]? compact = null;
        int written = 0;
        int copied = 0;
        int i = 0;
        while (i < json.Length)
        {
            int found = json.AsSpan(i).IndexOfAny(OutsideString);
            if (found < 0)
            {
                break;
            }

            i += found;
            if (json[i] == '"')
            {
                i = AfterString(json, i + 1);
                continue;
            }

            compact ??= new byte[json.Length];
            json.AsSpan(copied, i - copied).CopyTo(compact.AsSpan(written));
            written += i - copied;
            copied = ++i;
        }

        if (compact is null)
        {
            return json;
        }

        json.AsSpan(copied).CopyTo(compact.AsSpan(written));
        written += json.Length - copied;
        return compact[..written];
    }

    /// <summary>The index after the closing quote of the string whose text starts at <paramref name="i"/>, or the end.</summary>
    private static int AfterString(byte[] json, int i)
    {
        while (i < json.Length)
        {
            int found = json.AsSpan(i).IndexOfAny(InsideString);
            if (found < 0)
            {
                return json.Length;
            }

            i += found;
            if (json[i] == '"')
            {
                return i + 1;
            }

            i += 2;
        }

        return json.Length;
    }
}
