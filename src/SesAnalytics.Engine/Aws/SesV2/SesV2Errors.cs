using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Aws.SesV2;

/// <summary>
/// SES v2's errors as errors a user can act on. Throttling (<c>TooManyRequestsException</c>,
/// <c>LimitExceededException</c>) stays the HTTP layer's LimitsExceeded error, raised once its retries are spent.
/// </summary>
internal static class SesV2Errors
{
    public static SesAnalyticsException? Translate(AwsServiceException error, string operation, string target)
    {
        (string Id, ErrorKind Kind, string Message)? mapped = error.ErrorCode switch
        {
            "NotFoundException" => ("SesResourceNotFound", ErrorKind.ObjectNotFound,
                $"'{target}' does not exist in SES in this account and region. Check the name and the region."),
            "AlreadyExistsException" => ("SesResourceAlreadyExists", ErrorKind.ResourceExists,
                $"'{target}' already exists in SES. Update it instead of creating it."),
            "MessageRejected" => ("SesMessageRejected", ErrorKind.InvalidOperation,
                $"SES rejected the message from '{target}' (it may contain a virus or the recipient may be unverified in the sandbox). Fix the message or verify the recipient."),
            "MailFromDomainNotVerifiedException" => ("SesMailFromDomainNotVerified", ErrorKind.InvalidOperation,
                $"The custom MAIL FROM domain of '{target}' is not verified. Publish its MX and SPF records, or stop using the custom MAIL FROM domain."),
            "AccountSuspendedException" => ("SesAccountSuspended", ErrorKind.PermissionDenied,
                "SES has suspended this account's ability to send email. Contact AWS Support to restore it."),
            "SendingPausedException" => ("SesSendingPaused", ErrorKind.InvalidOperation,
                "Sending is paused for this account or configuration set. Re-enable sending (SendingOptions.SendingEnabled) and try again."),
            _ => null,
        };

        return mapped is var (id, kind, message)
            ? new SesAnalyticsException(id, kind, $"SES {operation}: {message} ({error.Message})", target, error)
            : null;
    }
}
