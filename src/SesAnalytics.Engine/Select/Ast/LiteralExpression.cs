namespace SesAnalytics.Engine.Select.Ast;

internal sealed record LiteralExpression(SelectValue Value, int Position) : SelectExpression(Position);
