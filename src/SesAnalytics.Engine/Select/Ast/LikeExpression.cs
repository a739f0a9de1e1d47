namespace SesAnalytics.Engine.Select.Ast;

internal sealed record LikeExpression(SelectExpression Value, SelectExpression Pattern, SelectExpression? Escape, bool Negated, int Position)
    : SelectExpression(Position);
