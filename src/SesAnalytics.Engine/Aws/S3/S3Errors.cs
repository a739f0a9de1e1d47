using Amazon.S3;

namespace SesAnalytics.Engine.Aws.S3;

/// <summary>Between the SDK's S3 errors and the engine's, and which of them mean "S3 Select is not for this account".</summary>
public static class S3Errors
{
    public const string ServiceName = "S3";

    /// <summary>
    /// S3 Select closed to new customers on 25 July 2024. Accounts that never used it are refused before any record is
    /// read: S3 answers SelectObjectContent with 405 MethodNotAllowed ("The specified method is not allowed against this
    /// resource"); S3-compatible stores and gateways answer 501 NotImplemented. 403 AccessDenied counts only when its
    /// message names S3 Select, since an ordinary AccessDenied is a permission the user can fix and must see.
    /// </summary>
    public static bool IsSelectUnavailable(AwsServiceException error) =>
        error.ErrorCode is "MethodNotAllowed" or "NotImplemented" or "UnsupportedOperation"
        || error.StatusCode is 405 or 501
        || (error.ErrorCode == "AccessDenied" && error.AwsMessage.Contains("Select", StringComparison.OrdinalIgnoreCase));

    /// <summary>The network failed, before an answer or in the middle of one; <paramref name="message"/> says which and what to do.</summary>
    internal static Errors.SesAnalyticsException ConnectionFailed(string message, string target, Exception error) =>
        new("S3ConnectionFailed", Errors.ErrorKind.ConnectionError, message, target, error);

    internal static AwsServiceException Map(AmazonS3Exception error)
    {
        int status = (int)error.StatusCode;
        string code = string.IsNullOrEmpty(error.ErrorCode) ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : error.ErrorCode;
        string message = error.Message ?? string.Empty;
        return new AwsServiceException(ServiceName, status, code, message, error.RequestId, AwsErrorClassifier.Classify(code, status, message));
    }
}
