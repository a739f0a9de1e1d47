using SesAnalytics.Engine.Errors;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SesAnalytics.Engine.Text;

/// <summary>
/// PowerShell's wildcard language as <c>WildcardPattern</c> parses it, case-insensitive, for the engine that cannot use
/// WildcardPattern: <c>*</c>, <c>?</c>, bracket sets of characters and ranges (<c>[abc]</c>, <c>[a-z]</c>; no negation, so
/// <c>[!a]</c> and <c>[^a]</c> hold '!' or '^'; a <c>]</c> right after <c>[</c> is a member), and backtick escapes, in and
/// out of brackets. The same pattern filters a local store, DuckDB's SQL and Athena's SQL alike.
/// </summary>
public sealed class Wildcard
{
    private const string PortableSpecials = "\\^$.|?*+()[]{}&-";

    private readonly IReadOnlyList<Element> _elements;
    private readonly Regex _regex;

    public Wildcard(string pattern)
    {
        Pattern = pattern;
        _elements = Parse(pattern);
        _regex = new Regex(Render(_elements, portable: false), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    public string Pattern { get; }

    /// <summary>The literal text when the pattern has no wildcards (escapes removed).</summary>
    public string Literal => string.Concat(_elements.OfType<LiteralElement>().Select(e => e.Char));

    /// <summary>Whether the pattern has a bracket set, which SQL LIKE cannot express (see <see cref="ToSqlRegex"/>).</summary>
    public bool HasSets => _elements.Any(e => e is SetElement);

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

    /// <summary>
    /// The pattern as a SQL LIKE pattern with <c>\</c> as its escape character, for a pattern without bracket sets
    /// (<see cref="HasSets"/>); matched case-insensitively (ILIKE, or lower() on both sides).
    /// </summary>
    public string ToSqlLike()
    {
        var like = new StringBuilder();
        foreach (Element element in _elements)
        {
            switch (element)
            {
                case AnyElement:
                    like.Append('%');
                    break;
                case OneElement:
                    like.Append('_');
                    break;
                case LiteralElement literal:
                    if (literal.Char is '%' or '_' or '\\')
                    {
                        like.Append('\\');
                    }

                    like.Append(literal.Char);
                    break;
                default:
                    throw new InvalidOperationException($"The pattern '{Pattern}' has a bracket set, which LIKE cannot express: use ToSqlRegex.");
            }
        }

        return like.ToString();
    }

    /// <summary>
    /// The pattern as an anchored, case-insensitive regular expression that DuckDB's RE2 and Athena's (Trino's) regex
    /// functions read alike: every ASCII symbol escaped, inside sets too, so nothing but the pattern's own wildcards is
    /// special. Bound as a parameter like any other value.
    /// </summary>
    public string ToSqlRegex() => "(?is)" + Render(_elements, portable: true);

    private static List<Element> Parse(string pattern)
    {
        // WildcardPattern's parser, step for step (System.Management.Automation's WildcardPatternParser.Parse).
        var elements = new List<Element>();
        bool escaped = false;
        bool setJustOpened = false;
        StringBuilder? set = null;
        StringBuilder? operators = null;
        foreach (char c in pattern)
        {
            if (set is not null)
            {
                if (c == ']' && !setJustOpened && !escaped)
                {
                    elements.Add(ParseSet(set.ToString(), operators!.ToString(), pattern));
                    set = null;
                    operators = null;
                }
                else if (c != '`' || escaped)
                {
                    set.Append(c);
                    operators!.Append(c == '-' && !escaped ? '-' : ' ');
                }

                setJustOpened = false;
            }
            else if (c == '*' && !escaped)
            {
                elements.Add(AnyElement.Instance);
            }
            else if (c == '?' && !escaped)
            {
                elements.Add(OneElement.Instance);
            }
            else if (c == '[' && !escaped)
            {
                set = new StringBuilder();
                operators = new StringBuilder();
                setJustOpened = true;
            }
            else if (c != '`' || escaped)
            {
                elements.Add(new LiteralElement(c));
            }

            escaped = c == '`' && !escaped;
        }

        if (set is not null)
        {
            throw Invalid(pattern, "a '[' has no closing ']'");
        }

        // A trailing backtick escapes nothing and stands for itself; the pattern of one backtick alone is empty.
        if (escaped && pattern != "`")
        {
            elements.Add(new LiteralElement('`'));
        }

        return elements;
    }

    private static SetElement ParseSet(string members, string operators, string pattern)
    {
        var ranges = new List<(char From, char To)>();
        int i = 0;
        while (i < members.Length)
        {
            if (i + 2 < members.Length && operators[i + 1] == '-')
            {
                (char from, char to) = (members[i], members[i + 2]);
                if (from > to)
                {
                    throw Invalid(pattern, $"the range '{from}-{to}' runs backwards");
                }

                ranges.Add((from, to));
                i += 3;
            }
            else
            {
                ranges.Add((members[i], members[i]));
                i++;
            }
        }

        return new SetElement(ranges);
    }

    private static InvalidInputException Invalid(string pattern, string why) =>
        new("InvalidWildcardPattern", $"The wildcard pattern '{pattern}' is not valid: {why}. Escape a literal '[' or ']' with a backtick (`[).", pattern);

    private static string Render(IReadOnlyList<Element> elements, bool portable)
    {
        var regex = new StringBuilder("^");
        foreach (Element element in elements)
        {
            switch (element)
            {
                case AnyElement:
                    regex.Append(".*");
                    break;
                case OneElement:
                    regex.Append('.');
                    break;
                case LiteralElement literal:
                    AppendLiteral(regex, literal.Char, portable);
                    break;
                case SetElement set:
                    regex.Append('[');
                    foreach ((char from, char to) in set.Ranges)
                    {
                        AppendSetMember(regex, from, portable);
                        if (to != from)
                        {
                            regex.Append('-');
                            AppendSetMember(regex, to, portable);
                        }
                    }

                    regex.Append(']');
                    break;
            }
        }

        return regex.Append('$').ToString();
    }

    private static void AppendLiteral(StringBuilder regex, char c, bool portable)
    {
        if (portable)
        {
            AppendPortable(regex, c);
        }
        else
        {
            regex.Append(Regex.Escape(c.ToString()));
        }
    }

    private static void AppendSetMember(StringBuilder regex, char c, bool portable)
    {
        if (portable)
        {
            AppendPortable(regex, c);
        }
        else if (c is '\\' or ']' or '[' or '^' or '-')
        {
            regex.Append('\\').Append(c);
        }
        else
        {
            regex.Append(c);
        }
    }

    // RE2 and Java regexes agree on a backslash before a symbol (a literal) and on a code point escape. Only the symbols
    // either gives a meaning are escaped ('&' for Java's set intersection; old RE2 refuses some other escapes), and a
    // control character is written as its code point, so the pattern text holds no line break.
    private static void AppendPortable(StringBuilder regex, char c)
    {
        if (c < 0x20 || c == 0x7F)
        {
            regex.Append(string.Create(CultureInfo.InvariantCulture, $"\\x{{{(int)c:X2}}}"));
        }
        else if (PortableSpecials.Contains(c))
        {
            regex.Append('\\').Append(c);
        }
        else
        {
            regex.Append(c);
        }
    }

    private abstract record Element;

    private sealed record AnyElement : Element
    {
        public static readonly AnyElement Instance = new();
    }

    private sealed record OneElement : Element
    {
        public static readonly OneElement Instance = new();
    }

    private sealed record LiteralElement(char Char) : Element;

    private sealed record SetElement(IReadOnlyList<(char From, char To)> Ranges) : Element;
}
