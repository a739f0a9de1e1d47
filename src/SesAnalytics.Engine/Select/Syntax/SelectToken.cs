namespace SesAnalytics.Engine.Select.Syntax;

/// <summary>One lexical unit of an S3 Select expression; <see cref="Position"/> is 1-based, as users count.</summary>
internal sealed record SelectToken(SelectTokenKind Kind, string Text, int Position)
{
    public bool IsKeyword(string keyword) =>
        Kind == SelectTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == SelectTokenKind.Symbol && Text == symbol;

    public string Describe() => Kind switch
    {
        SelectTokenKind.End => "the end of the expression",
        SelectTokenKind.String => $"'{Text}'",
        SelectTokenKind.QuotedIdentifier => $"\"{Text}\"",
        _ => $"'{Text}'",
    };
}
