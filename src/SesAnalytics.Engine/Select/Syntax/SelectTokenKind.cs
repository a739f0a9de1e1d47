namespace SesAnalytics.Engine.Select.Syntax;

internal enum SelectTokenKind
{
    Identifier,
    QuotedIdentifier,
    String,
    Number,
    Symbol,
    End,
}
