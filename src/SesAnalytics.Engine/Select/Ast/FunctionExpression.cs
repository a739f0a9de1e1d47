namespace SesAnalytics.Engine.Select.Ast;

/// <summary>A scalar function; <see cref="Name"/> is upper case.</summary>
internal sealed record FunctionExpression(string Name, IReadOnlyList<SelectExpression> Arguments, int Position) : SelectExpression(Position);
