namespace SesAnalytics.Engine.Partitioning.Jq;

internal enum JqTokenKind
{
    End,
    Dot,
    RecurseAll,
    Field,
    Identifier,
    Variable,
    String,
    Number,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    LeftParen,
    RightParen,
    Colon,
    Comma,
    Pipe,
    Alternative,
    Question,
    Operator,
    Format,
    Semicolon,
}
