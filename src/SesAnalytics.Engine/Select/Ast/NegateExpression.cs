namespace SesAnalytics.Engine.Select.Ast;

internal sealed record NegateExpression(SelectExpression Operand, int Position) : SelectExpression(Position);
