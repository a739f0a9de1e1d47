namespace SesAnalytics.Engine.Select.Ast;

/// <summary>An attribute of the record: <c>s.mail.tags."ses:sender-identity"[0]</c>.</summary>
internal sealed record PathExpression(IReadOnlyList<PathStep> Steps, int Position) : SelectExpression(Position);
