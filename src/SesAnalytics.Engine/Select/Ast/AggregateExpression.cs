namespace SesAnalytics.Engine.Select.Ast;

/// <summary>
/// COUNT, SUM, AVG, MIN or MAX (upper case); <see cref="Argument"/> is null for COUNT(*). Each occurrence keeps its own
/// running state, keyed by reference.
/// </summary>
internal sealed record AggregateExpression(string Function, SelectExpression? Argument, int Position) : SelectExpression(Position);
