namespace SesAnalytics.Engine.Partitioning.Jq;

/// <summary>One lexeme; <see cref="Text"/> is the decoded string for strings, the name for fields and identifiers.</summary>
internal readonly record struct JqToken(JqTokenKind Kind, string Text, int Position);
