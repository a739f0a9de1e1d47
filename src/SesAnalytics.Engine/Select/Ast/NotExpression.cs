namespace SesAnalytics.Engine.Select.Ast;

internal sealed record NotExpression(SelectExpression Operand, int Position) : SelectExpression(Position);
