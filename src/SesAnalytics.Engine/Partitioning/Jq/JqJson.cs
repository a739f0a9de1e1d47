using System.Globalization;
using System.Text;

namespace SesAnalytics.Engine.Partitioning.Jq;

/// <summary>Writes values exactly as <c>jq -c</c> 1.6 prints them: its number format, its string escapes, no spaces.</summary>
public static class JqJson
{
    public static string Serialize(JqValue value)
    {
        var text = new StringBuilder();
        Write(value, text);
        return text.ToString();
    }

    public static void Write(JqValue value, StringBuilder text)
    {
        switch (value.Kind)
        {
            case JqKind.Null:
                text.Append("null");
                break;
            case JqKind.False:
                text.Append("false");
                break;
            case JqKind.True:
                text.Append("true");
                break;
            case JqKind.Number:
                text.Append(FormatNumber(value.GetNumber()));
                break;
            case JqKind.String:
                WriteString(value.GetString(), text);
                break;
            case JqKind.Array:
                text.Append('[');
                bool firstItem = true;
                foreach (JqValue item in value.Items())
                {
                    text.Append(firstItem ? string.Empty : ",");
                    firstItem = false;
                    Write(item, text);
                }

                text.Append(']');
                break;
            default:
                text.Append('{');
                bool firstMember = true;
                foreach (KeyValuePair<string, JqValue> member in value.Members())
                {
                    text.Append(firstMember ? string.Empty : ",");
                    firstMember = false;
                    WriteString(member.Key, text);
                    text.Append(':');
                    Write(member.Value, text);
                }

                text.Append('}');
                break;
        }
    }

    /// <summary>
    /// jq 1.6's <c>jvp_dtoa_fmt</c>: the shortest digits that round-trip, positional unless the decimal point is more
    /// than 15 places past the digits or 4 or more places before them, exponents with a sign and at least two digits.
    /// </summary>
    public static string FormatNumber(double number)
    {
        if (number == 0)
        {
            return double.IsNegative(number) ? "-0" : "0";
        }

        if (double.IsNaN(number))
        {
            return "null";
        }

        number = Math.Clamp(number, double.MinValue, double.MaxValue);
        (string digits, int decimalPoint) = Decompose(Math.Abs(number).ToString("R", CultureInfo.InvariantCulture));

        var text = new StringBuilder(digits.Length + 8);
        if (number < 0)
        {
            text.Append('-');
        }

        if (decimalPoint <= -4 || decimalPoint > digits.Length + 15)
        {
            text.Append(digits[0]);
            if (digits.Length > 1)
            {
                text.Append('.').Append(digits, 1, digits.Length - 1);
            }

            int exponent = decimalPoint - 1;
            text.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (decimalPoint <= 0)
        {
            text.Append("0.").Append('0', -decimalPoint).Append(digits);
        }
        else if (decimalPoint >= digits.Length)
        {
            text.Append(digits).Append('0', decimalPoint - digits.Length);
        }
        else
        {
            text.Append(digits, 0, decimalPoint).Append('.').Append(digits, decimalPoint, digits.Length - decimalPoint);
        }

        return text.ToString();
    }

    public static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x7F)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    // "R" gives the shortest round-trip digits, positional or in E notation; either way we want digits and the point.
    private static (string Digits, int DecimalPoint) Decompose(string shortest)
    {
        int e = shortest.IndexOf('E', StringComparison.Ordinal);
        string mantissa = e < 0 ? shortest : shortest[..e];
        int exponent = e < 0 ? 0 : int.Parse(shortest.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        int integerDigits = dot < 0 ? mantissa.Length : dot;
        string digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        int leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        return (digits, integerDigits + exponent - leadingZeros);
    }
}
