namespace SesAnalytics.Engine.Aws.Context;

/// <summary>
/// What a diagnosis of the AWS context found: the summary (with what is missing left null), the line -Verbose prints,
/// and, for each missing piece, the message that says how to provide it.
/// </summary>
public sealed record AwsContextInspection(AwsContextSummary Summary, string Sources, IReadOnlyList<string> Missing);
