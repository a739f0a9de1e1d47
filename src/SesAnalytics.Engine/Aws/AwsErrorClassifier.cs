using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Aws;

/// <summary>Maps AWS error codes and HTTP statuses to an <see cref="ErrorKind"/> and says which codes mean throttling.</summary>
public static class AwsErrorClassifier
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    private static readonly HashSet<string> AuthenticationCodes = new(StringComparer.Ordinal)
    {
        "InvalidClientTokenId", "SignatureDoesNotMatch", "UnrecognizedClientException", "IncompleteSignature",
        "MissingAuthenticationToken", "InvalidAccessKeyId", "AuthFailure",
    };

    private static readonly HashSet<string> NotFoundCodes = new(StringComparer.Ordinal)
    {
        "ResourceNotFoundException", "NoSuchKey", "NoSuchBucket", "NoSuchEntity",
    };

    private static readonly HashSet<string> InvalidArgumentCodes = new(StringComparer.Ordinal)
    {
        "ValidationException", "ValidationError", "InvalidRequestException", "InvalidArgumentException", "InvalidArgument",
        "SerializationException", "MissingParameter", "InvalidInputException",
    };

    public static bool IsThrottling(string code) => ThrottlingCodes.Contains(code);

    public static ErrorKind Classify(string code, int statusCode, string message)
    {
        if (IsThrottling(code))
        {
            return ErrorKind.LimitsExceeded;
        }

        if (AuthenticationCodes.Contains(code) || code.Contains("Expired", StringComparison.Ordinal))
        {
            return ErrorKind.AuthenticationError;
        }

        if (code.StartsWith("AccessDenied", StringComparison.Ordinal)
            || code == "UnauthorizedOperation"
            || code.Contains("NotAuthorized", StringComparison.Ordinal))
        {
            return ErrorKind.PermissionDenied;
        }

        if (NotFoundCodes.Contains(code)
            || code.Contains("NotFound", StringComparison.Ordinal)
            || (code == "ValidationError" && message.Contains("does not exist", StringComparison.OrdinalIgnoreCase)))
        {
            return ErrorKind.ObjectNotFound;
        }

        if (InvalidArgumentCodes.Contains(code) || code.StartsWith("InvalidParameter", StringComparison.Ordinal))
        {
            return ErrorKind.InvalidArgument;
        }

        if (statusCode >= 500)
        {
            return ErrorKind.ResourceUnavailable;
        }

        return statusCode is 401 or 403 ? ErrorKind.PermissionDenied
            : statusCode == 404 ? ErrorKind.ObjectNotFound
            : ErrorKind.InvalidOperation;
    }
}
