namespace SesAnalytics.Engine.Aws.Http;

/// <summary>A successful AWS answer: status, request id and the whole body.</summary>
public sealed record AwsResponse(int StatusCode, string? RequestId, byte[] Body);
