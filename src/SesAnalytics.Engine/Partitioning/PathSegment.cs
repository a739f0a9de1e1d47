using System.Globalization;
using System.Text;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// Turns a partition key (any string jq produced) into one safe folder name and back, reversibly. S3 takes any key,
/// a file system does not: so <c>%</c>, <c>/</c>, <c>\</c>, control characters and the characters Windows forbids
/// (<c>&lt;&gt;:"|?*</c>) become <c>%XX</c> (UTF-8 bytes, upper-case hex); a key of only dots, a trailing dot or space,
/// and a Windows device name (CON, PRN, AUX, NUL, COM0-9, LPT0-9, with or without an extension) get their first or last
/// character encoded too; the empty key is the lone segment <c>%</c>. Everything else, non-ASCII included, stays as is,
/// so <c>example.com</c> and <c>hello@example.com</c> are their own folder names.
/// </summary>
public static class PathSegment
{
    public const string EmptyKey = "%";

    private static readonly HashSet<string> DeviceNames = new(
        [
            "CON", "PRN", "AUX", "NUL",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
        ],
        StringComparer.OrdinalIgnoreCase);

    public static string Encode(string key)
    {
        if (key.Length == 0)
        {
            return EmptyKey;
        }

        bool allDots = key.Trim('.').Length == 0;
        int dot = key.IndexOf('.', StringComparison.Ordinal);
        bool device = DeviceNames.Contains(dot < 0 ? key : key[..dot]);
        var segment = new StringBuilder(key.Length + 8);
        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            bool last = i == key.Length - 1;
            bool encode = MustEncode(c)
                || allDots
                || (device && i == 0)
                || (last && (c == '.' || c == ' '));
            if (char.IsHighSurrogate(c) && i + 1 < key.Length && char.IsLowSurrogate(key[i + 1]))
            {
                segment.Append(c).Append(key[++i]);
            }
            else if (encode || char.IsSurrogate(c))
            {
                AppendEscaped(segment, c);
            }
            else
            {
                segment.Append(c);
            }
        }

        return segment.ToString();
    }

    /// <summary>Reverses <see cref="Encode"/>; <c>null</c> for a name that no key encodes to (not one of ours).</summary>
    public static string? Decode(string segment)
    {
        if (segment == EmptyKey)
        {
            return string.Empty;
        }

        if (segment.Length == 0)
        {
            return null;
        }

        var bytes = new List<byte>(segment.Length);
        var text = new StringBuilder(segment.Length);
        for (int i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '%')
            {
                if (i + 2 >= segment.Length
                    || !byte.TryParse(segment.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte value))
                {
                    return null;
                }

                bytes.Add(value);
                i += 2;
                continue;
            }

            Flush(bytes, text);
            text.Append(segment[i]);
        }

        Flush(bytes, text);
        return text.ToString();
    }

    private static bool MustEncode(char c) =>
        c < 0x20 || c == 0x7F || c is '%' or '/' or '\\' or '<' or '>' or ':' or '"' or '|' or '?' or '*';

    private static void AppendEscaped(StringBuilder segment, char c)
    {
        Span<byte> utf8 = stackalloc byte[4];
        int count = Encoding.UTF8.GetBytes([c], utf8);
        foreach (byte b in utf8[..count])
        {
            segment.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
    }

    private static void Flush(List<byte> bytes, StringBuilder text)
    {
        if (bytes.Count > 0)
        {
            text.Append(Encoding.UTF8.GetString(bytes.ToArray()));
            bytes.Clear();
        }
    }
}
