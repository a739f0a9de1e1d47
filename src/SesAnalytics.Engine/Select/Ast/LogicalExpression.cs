namespace SesAnalytics.Engine.Select.Ast;

internal sealed record LogicalExpression(bool IsAnd, SelectExpression Left, SelectExpression Right, int Position) : SelectExpression(Position);
