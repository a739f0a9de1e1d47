using System.Globalization;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Aws;

/// <summary>
/// An AWS service answered with an error. The message ends with the service, HTTP status, AWS error code and request
/// id, which is what AWS support asks for; it never contains credentials or signatures.
/// </summary>
public sealed class AwsServiceException : SesAnalyticsException
{
    public AwsServiceException(string serviceName, int statusCode, string errorCode, string awsMessage, string? requestId, ErrorKind kind)
        : base(
            errorCode,
            kind,
            string.Format(
                CultureInfo.InvariantCulture,
                "{0} (Service: {1}; Status: {2}; Error: {3}; Request ID: {4})",
                awsMessage.Length == 0 ? "AWS returned an error without a message." : awsMessage,
                serviceName,
                statusCode,
                errorCode,
                requestId ?? "none"),
            serviceName)
    {
        ServiceName = serviceName;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        AwsMessage = awsMessage;
        RequestId = requestId;
    }

    public string ServiceName { get; }

    public int StatusCode { get; }

    public string ErrorCode { get; }

    public string AwsMessage { get; }

    public string? RequestId { get; }

    public bool IsThrottling => AwsErrorClassifier.IsThrottling(ErrorCode);
}
