namespace SesAnalytics.Fakes.SesV2;

/// <summary>An SES v2 answer: status, JSON body, and the error type AWS sends in x-amzn-ErrorType for a failure.</summary>
public sealed record SesV2Answer(int Status, string Body, string? ErrorType);
