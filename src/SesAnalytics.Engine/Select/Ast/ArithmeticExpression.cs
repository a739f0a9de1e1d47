namespace SesAnalytics.Engine.Select.Ast;

/// <summary><c>+</c>, <c>-</c>, <c>*</c>, <c>/</c> or <c>%</c> between numbers.</summary>
internal sealed record ArithmeticExpression(string Operator, SelectExpression Left, SelectExpression Right, int Position) : SelectExpression(Position);
