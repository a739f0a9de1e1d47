using System.Text;

namespace SesAnalytics.Engine.Select.Syntax;

/// <summary>Splits an S3 Select expression into tokens. Keywords stay identifiers; the parser decides what they mean.</summary>
internal static class SelectLexer
{
    private static readonly string[] Symbols = ["<=", ">=", "<>", "!=", "||", "=", "<", ">", "(", ")", "[", "]", ",", ".", "*", "+", "-", "/", "%", ";"];

    public static List<SelectToken> Tokenize(string text)
    {
        var tokens = new List<SelectToken>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                tokens.Add(ReadQuoted(text, ref i, '\'', SelectTokenKind.String));
            }
            else if (c == '"')
            {
                tokens.Add(ReadQuoted(text, ref i, '"', SelectTokenKind.QuotedIdentifier));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new SelectToken(SelectTokenKind.Identifier, text[start..i], start + 1));
            }
            else
            {
                string? symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0);
                if (symbol is null)
                {
                    throw SelectSyntaxError.Invalid($"the character '{c}' is not part of the S3 Select language", i + 1);
                }

                tokens.Add(new SelectToken(SelectTokenKind.Symbol, symbol, i + 1));
                i += symbol.Length;
            }
        }

        tokens.Add(new SelectToken(SelectTokenKind.End, string.Empty, text.Length + 1));
        return tokens;
    }

    private static SelectToken ReadQuoted(string text, ref int i, char quote, SelectTokenKind kind)
    {
        int start = i;
        var value = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length)
            {
                string what = kind == SelectTokenKind.String ? "string literal" : "quoted name";
                throw SelectSyntaxError.Invalid($"the {what} that starts here has no closing {quote}", start + 1);
            }

            if (text[i] == quote)
            {
                // A doubled quote stands for one quote character, as in standard SQL.
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    value.Append(quote);
                    i += 2;
                    continue;
                }

                i++;
                return new SelectToken(kind, value.ToString(), start + 1);
            }

            value.Append(text[i]);
            i++;
        }
    }

    private static SelectToken ReadNumber(string text, ref int i)
    {
        int start = i;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (char.IsLetter(text[i]) || text[i] == '_'))
        {
            throw SelectSyntaxError.Invalid($"'{text[start..(i + 1)]}' is neither a number nor a name", start + 1);
        }

        return new SelectToken(SelectTokenKind.Number, text[start..i], start + 1);
    }
}
