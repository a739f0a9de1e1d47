using SesAnalytics.Engine.Errors;
using System.Text;
using System.Text.RegularExpressions;

namespace SesAnalytics.Engine.Text;

/// <summary>
/// PowerShell's wildcard language (<c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-z]</c>, backtick escapes), case-insensitive,
/// for the engine that cannot use WildcardPattern.
/// </summary>
public sealed class Wildcard
{
    private readonly Regex _regex;

    public Wildcard(string pattern)
    {
        Pattern = pattern;
        _regex = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    public string Pattern { get; }

    /// <summary>The literal text when the pattern has no wildcards (escapes removed).</summary>
    public string Literal => Unescape(Pattern);

    public static bool ContainsWildcards(string pattern)
    {
        for (int i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '`':
                    i++;
                    break;
                case '*' or '?' or '[':
                    return true;
            }
        }

        return false;
    }

    public static bool AnyMatch(IReadOnlyCollection<Wildcard> patterns, string value) =>
        patterns.Count == 0 || patterns.Any(p => p.IsMatch(value));

    public bool IsMatch(string value) => _regex.IsMatch(value);

    /// <summary>The pattern as a SQL LIKE pattern with <c>\</c> as its escape character.</summary>
    public string ToSqlLike()
    {
        var like = new StringBuilder();
        for (int i = 0; i < Pattern.Length; i++)
        {
            char c = Pattern[i];
            switch (c)
            {
                case '`' when i + 1 < Pattern.Length:
                    AppendLikeLiteral(like, Pattern[++i]);
                    break;
                case '*':
                    like.Append('%');
                    break;
                case '?':
                    like.Append('_');
                    break;
                case '[':
                    throw new InvalidInputException("WildcardRangeNotSupported", $"The pattern '{Pattern}' uses [ ] ranges, which cannot be pushed into a query; use * and ? only.", Pattern);
                default:
                    AppendLikeLiteral(like, c);
                    break;
            }
        }

        return like.ToString();
    }

    private static void AppendLikeLiteral(StringBuilder like, char c)
    {
        if (c is '%' or '_' or '\\')
        {
            like.Append('\\');
        }

        like.Append(c);
    }

    private static string Unescape(string pattern)
    {
        var text = new StringBuilder(pattern.Length);
        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '`' && i + 1 < pattern.Length)
            {
                i++;
            }

            text.Append(pattern[i]);
        }

        return text.ToString();
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            switch (c)
            {
                case '`' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[':
                    int close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        throw new InvalidInputException("InvalidWildcardPattern", $"The wildcard pattern '{pattern}' has a '[' without a closing ']'.", pattern);
                    }

                    regex.Append('[').Append(pattern[(i + 1)..close].Replace("\\", "\\\\", StringComparison.Ordinal)).Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }
}
