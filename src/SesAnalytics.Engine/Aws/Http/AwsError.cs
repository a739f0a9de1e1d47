namespace SesAnalytics.Engine.Aws.Http;

/// <summary>The error an AWS response carries, whichever wire shape it came in.</summary>
public sealed record AwsError(string Code, string Message, string? RequestId);
