using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Aws.S3;

/// <summary>What SelectObjectContent reports in an error event after its HTTP 200: the query failed part-way.</summary>
internal static class S3EventStreamFailure
{
    /// <param name="code">The event's <c>:error-code</c> header, S3's own code such as <c>InvalidTextEncoding</c>.</param>
    /// <param name="message">The event's <c>:error-message</c> header.</param>
    public static AwsServiceException From(string bucketName, string key, string? code, string? message, string? requestId) =>
        new(
            S3Errors.ServiceName,
            200,
            string.IsNullOrEmpty(code) ? "SelectStreamError" : code,
            $"S3 Select failed while reading s3://{bucketName}/{key}: {message} Records before the failure were already written; fix the object or the expression, or use -ClientSide to see the failing line.",
            requestId,
            ErrorKind.InvalidData);
}
