namespace SesAnalytics.Engine.Select.Ast;

/// <summary><c>=</c>, <c>!=</c> (also written <c>&lt;&gt;</c>), <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>.</summary>
internal sealed record ComparisonExpression(string Operator, SelectExpression Left, SelectExpression Right, int Position) : SelectExpression(Position);
