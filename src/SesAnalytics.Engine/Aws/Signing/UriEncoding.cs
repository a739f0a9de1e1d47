using System.Text;

namespace SesAnalytics.Engine.Aws.Signing;

/// <summary>SigV4's URI encoding: every byte of the UTF-8 form but the unreserved <c>A-Za-z0-9-_.~</c> becomes <c>%XX</c>.</summary>
internal static class UriEncoding
{
    public static string Encode(string value)
    {
        var encoded = new StringBuilder(value.Length * 2);
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            char c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
