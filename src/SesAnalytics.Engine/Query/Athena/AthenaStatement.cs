namespace SesAnalytics.Engine.Query.Athena;

/// <summary>Athena SQL and its ExecutionParameters: the values of its <c>?</c> placeholders, in order, as SQL literals.</summary>
public sealed record AthenaStatement(string Text, IReadOnlyList<string> ExecutionParameters);
