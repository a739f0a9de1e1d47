namespace SesAnalytics.Engine.Select.Ast;

/// <summary>A node of a parsed expression; <see cref="Position"/> is where it starts in the text (1-based).</summary>
internal abstract record SelectExpression(int Position);
