namespace SesAnalytics.Engine.Select.Ast;

/// <summary><c>IS [NOT] NULL</c> (true for NULL and MISSING) or <c>IS [NOT] MISSING</c> (true only for MISSING).</summary>
internal sealed record IsExpression(SelectExpression Value, bool TestsMissing, bool Negated, int Position) : SelectExpression(Position);
