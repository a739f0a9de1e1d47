namespace SesAnalytics.Engine.Select.Ast;

internal sealed record BetweenExpression(SelectExpression Value, SelectExpression Low, SelectExpression High, bool Negated, int Position)
    : SelectExpression(Position);
