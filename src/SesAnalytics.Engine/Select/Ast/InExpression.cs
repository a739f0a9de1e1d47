namespace SesAnalytics.Engine.Select.Ast;

internal sealed record InExpression(SelectExpression Value, IReadOnlyList<SelectExpression> Items, bool Negated, int Position)
    : SelectExpression(Position);
