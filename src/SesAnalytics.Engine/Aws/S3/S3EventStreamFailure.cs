using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Aws.S3;

/// <summary>What SelectObjectContent reports in an error event after its HTTP 200: the query failed part-way.</summary>
internal static class S3EventStreamFailure
{
    public static AwsServiceException From(string bucketName, string key, Exception error)
    {
        string code = error is Amazon.Runtime.AmazonServiceException service && !string.IsNullOrEmpty(service.ErrorCode) ? service.ErrorCode : "SelectStreamError";
        return new AwsServiceException(
            S3Errors.ServiceName,
            200,
            code,
            $"S3 Select failed while reading s3://{bucketName}/{key}: {error.Message} Records before the failure were already written; fix the object or the expression, or use -ClientSide to see the failing line.",
            (error as Amazon.Runtime.AmazonServiceException)?.RequestId,
            ErrorKind.InvalidData);
    }
}
