namespace SesAnalytics.Engine.Select.Ast;

/// <summary>One projection and the member name it gets in the output record.</summary>
internal sealed record SelectItem(SelectExpression Expression, string OutputName);
