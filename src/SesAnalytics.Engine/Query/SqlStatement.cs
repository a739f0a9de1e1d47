namespace SesAnalytics.Engine.Query;

/// <summary>SQL text and the values bound to its positional parameters (<c>$1</c> is <c>Parameters[0]</c>).</summary>
public sealed record SqlStatement(string Text, IReadOnlyList<object> Parameters);
