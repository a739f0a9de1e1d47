using System.Globalization;
using System.Text;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Partitioning.Jq;

/// <summary>Splits a jq 1.6 program into tokens. Constructs outside the supported subset still lex, so the parser can name them.</summary>
internal static class JqLexer
{
    public static List<JqToken> Tokenize(string query)
    {
        var tokens = new List<JqToken>();
        int i = 0;
        while (true)
        {
            i = SkipSpaceAndComments(query, i);
            if (i >= query.Length)
            {
                tokens.Add(new JqToken(JqTokenKind.End, string.Empty, i));
                return tokens;
            }

            int start = i;
            char c = query[i];
            if (c == '.')
            {
                if (i + 1 < query.Length && query[i + 1] == '.')
                {
                    tokens.Add(new JqToken(JqTokenKind.RecurseAll, "..", start));
                    i += 2;
                }
                else if (i + 1 < query.Length && IsIdentifierStart(query[i + 1]))
                {
                    i = ReadIdentifier(query, i + 1, out string name);
                    tokens.Add(new JqToken(JqTokenKind.Field, name, start));
                }
                else if (i + 1 < query.Length && char.IsAsciiDigit(query[i + 1]))
                {
                    i = ReadNumber(query, i, tokens);
                }
                else
                {
                    tokens.Add(new JqToken(JqTokenKind.Dot, ".", start));
                    i++;
                }

                continue;
            }

            if (IsIdentifierStart(c))
            {
                i = ReadIdentifier(query, i, out string name);
                tokens.Add(new JqToken(JqTokenKind.Identifier, name, start));
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                i = ReadNumber(query, i, tokens);
                continue;
            }

            switch (c)
            {
                case '"':
                    i = ReadString(query, i, tokens);
                    continue;
                case '$':
                    i = i + 1 < query.Length && IsIdentifierStart(query[i + 1]) ? ReadIdentifier(query, i + 1, out string _) : i + 1;
                    tokens.Add(new JqToken(JqTokenKind.Variable, query[start..i], start));
                    continue;
                case '@':
                    i = i + 1 < query.Length && IsIdentifierStart(query[i + 1]) ? ReadIdentifier(query, i + 1, out string _) : i + 1;
                    tokens.Add(new JqToken(JqTokenKind.Format, query[start..i], start));
                    continue;
                case '/' when Next(query, i) == '/' && Next(query, i + 1) != '=':
                    tokens.Add(new JqToken(JqTokenKind.Alternative, "//", start));
                    i += 2;
                    continue;
                case '|' when Next(query, i) != '=':
                    tokens.Add(new JqToken(JqTokenKind.Pipe, "|", start));
                    i++;
                    continue;
                case '?' when Next(query, i) != '/':
                    tokens.Add(Single(JqTokenKind.Question, c, start));
                    i++;
                    continue;
                case '{':
                    tokens.Add(Single(JqTokenKind.LeftBrace, c, start));
                    break;
                case '}':
                    tokens.Add(Single(JqTokenKind.RightBrace, c, start));
                    break;
                case '[':
                    tokens.Add(Single(JqTokenKind.LeftBracket, c, start));
                    break;
                case ']':
                    tokens.Add(Single(JqTokenKind.RightBracket, c, start));
                    break;
                case '(':
                    tokens.Add(Single(JqTokenKind.LeftParen, c, start));
                    break;
                case ')':
                    tokens.Add(Single(JqTokenKind.RightParen, c, start));
                    break;
                case ':':
                    tokens.Add(Single(JqTokenKind.Colon, c, start));
                    break;
                case ',':
                    tokens.Add(Single(JqTokenKind.Comma, c, start));
                    break;
                case ';':
                    tokens.Add(Single(JqTokenKind.Semicolon, c, start));
                    break;
                default:
                    i = ReadOperator(query, i, tokens);
                    continue;
            }

            i++;
        }
    }

    private static JqToken Single(JqTokenKind kind, char c, int position) => new(kind, c.ToString(), position);

    private static char Next(string query, int i) => i + 1 < query.Length ? query[i + 1] : '\0';

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static int SkipSpaceAndComments(string query, int i)
    {
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i]))
            {
                i++;
            }
            else if (query[i] == '#')
            {
                while (i < query.Length && query[i] != '\n')
                {
                    i++;
                }
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static int ReadIdentifier(string query, int i, out string name)
    {
        int start = i;
        while (i < query.Length && (IsIdentifierPart(query[i]) || (query[i] == ':' && Next(query, i) == ':' && i + 2 < query.Length && IsIdentifierStart(query[i + 2]))))
        {
            i += query[i] == ':' ? 2 : 1;
        }

        name = query[start..i];
        return i;
    }

    private static int ReadNumber(string query, int i, List<JqToken> tokens)
    {
        int start = i;
        while (i < query.Length && char.IsAsciiDigit(query[i]))
        {
            i++;
        }

        if (i < query.Length && query[i] == '.')
        {
            i++;
            while (i < query.Length && char.IsAsciiDigit(query[i]))
            {
                i++;
            }
        }

        if (i < query.Length && (query[i] == 'e' || query[i] == 'E'))
        {
            int mark = i++;
            if (i < query.Length && (query[i] == '+' || query[i] == '-'))
            {
                i++;
            }

            if (i < query.Length && char.IsAsciiDigit(query[i]))
            {
                while (i < query.Length && char.IsAsciiDigit(query[i]))
                {
                    i++;
                }
            }
            else
            {
                i = mark;
            }
        }

        tokens.Add(new JqToken(JqTokenKind.Number, query[start..i], start));
        return i;
    }

    private static int ReadString(string query, int i, List<JqToken> tokens)
    {
        int start = i++;
        var text = new StringBuilder();
        while (i < query.Length && query[i] != '"')
        {
            if (query[i] != '\\')
            {
                text.Append(query[i++]);
                continue;
            }

            char escape = Next(query, i);
            i += 2;
            switch (escape)
            {
                case '"' or '\\' or '/':
                    text.Append(escape);
                    break;
                case 'b':
                    text.Append('\b');
                    break;
                case 'f':
                    text.Append('\f');
                    break;
                case 'n':
                    text.Append('\n');
                    break;
                case 'r':
                    text.Append('\r');
                    break;
                case 't':
                    text.Append('\t');
                    break;
                case 'u' when i + 4 <= query.Length
                    && ushort.TryParse(query.AsSpan(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort unit):
                    text.Append((char)unit);
                    i += 4;
                    break;
                case '(':
                    throw JqParser.Unsupported("string interpolation \\(...)", i - 2);
                default:
                    throw JqParser.Invalid($"invalid escape \\{escape} in a string literal", i - 2);
            }
        }

        if (i >= query.Length)
        {
            throw JqParser.Invalid("the string literal is not closed", start);
        }

        tokens.Add(new JqToken(JqTokenKind.String, ReplaceLoneSurrogates(text.ToString()), start));
        return i + 1;
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        var result = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(c).Append(text[++i]);
            }
            else
            {
                result.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return result.ToString();
    }

    private static int ReadOperator(string query, int i, List<JqToken> tokens)
    {
        const string OperatorChars = "+-*/%=!<>|?";
        int start = i;
        while (i < query.Length && OperatorChars.Contains(query[i], StringComparison.Ordinal) && i - start < 3)
        {
            i++;
        }

        if (i == start)
        {
            throw JqParser.Invalid($"unexpected character '{query[i]}'", i);
        }

        tokens.Add(new JqToken(JqTokenKind.Operator, query[start..i], start));
        return i;
    }
}
