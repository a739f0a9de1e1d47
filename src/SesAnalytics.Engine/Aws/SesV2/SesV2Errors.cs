using System.Net.Mail;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Aws.SesV2;

/// <summary>
/// SES v2's errors as errors a user can act on, about what SES names: the error code says what went wrong, and SES's own
/// message, matched against what the request contained, says to which of its resources. The message always ends with
/// SES's own words. Throttling (<c>TooManyRequestsException</c>, <c>LimitExceededException</c>) stays the HTTP layer's
/// LimitsExceeded error, raised once its retries are spent.
/// </summary>
internal static class SesV2Errors
{
    public static SesAnalyticsException? Translate(AwsServiceException error, string operation, SesRequestSubject subject)
    {
        string sender = Address(subject.From) ?? subject.Target;
        (string Id, ErrorKind Kind, string Message, string Target)? mapped = error.ErrorCode switch
        {
            "NotFoundException" => NotFound(error.AwsMessage, subject),
            "AlreadyExistsException" => AlreadyExists(error.AwsMessage, subject),
            "MessageRejected" => Rejected(error.AwsMessage, subject),
            "MailFromDomainNotVerifiedException" => ("SesMailFromDomainNotVerified", ErrorKind.InvalidOperation,
                $"the custom MAIL FROM domain of the sender '{sender}' is not verified. Publish its MX and SPF records, or stop using the custom MAIL FROM domain.",
                sender),
            "AccountSuspendedException" => ("SesAccountSuspended", ErrorKind.PermissionDenied,
                "SES has suspended this account's ability to send email. Contact AWS Support to restore it.",
                sender),
            "SendingPausedException" => Paused(error.AwsMessage, subject, sender),
            _ => null,
        };

        return mapped is var (id, kind, message, target)
            ? new SesAnalyticsException(id, kind, $"SES {operation}: {message} ({error.Message})", target, error)
            : null;
    }

    private static (string, ErrorKind, string, string) NotFound(string awsMessage, SesRequestSubject subject)
    {
        Resource? missing = Named(awsMessage, Resources(subject));
        return missing is { } resource
            ? ("SesResourceNotFound", ErrorKind.ObjectNotFound,
                $"the {resource.Description} does not exist in SES in this account and region. {resource.Advice}", resource.Target)
            : ("SesResourceNotFound", ErrorKind.ObjectNotFound,
                "SES reports that something the request names does not exist in this account and region; SES's message, in parentheses, says what.", subject.Target);
    }

    private static (string, ErrorKind, string, string) AlreadyExists(string awsMessage, SesRequestSubject subject)
    {
        Resource? taken = Named(awsMessage, Resources(subject));
        return taken is { } resource
            ? ("SesResourceAlreadyExists", ErrorKind.ResourceExists,
                $"the {resource.Description} already exists in SES. Update it instead of creating it.", resource.Target)
            : ("SesResourceAlreadyExists", ErrorKind.ResourceExists,
                "SES reports that something the request creates already exists; SES's message, in parentheses, says what.", subject.Target);
    }

    /// <summary>
    /// A rejected message: SES says which identities failed its verification check ("Email address is not verified. The
    /// following identities failed the check in region US-EAST-1: a@example.com"). The sender is the one to verify; a
    /// recipient only fails in the sandbox. Anything else SES rejects for (content, addresses) is told in its own words.
    /// </summary>
    private static (string, ErrorKind, string, string) Rejected(string awsMessage, SesRequestSubject subject)
    {
        string? from = Address(subject.From);
        string sender = from ?? subject.Target;
        if (awsMessage.Contains("not verified", StringComparison.OrdinalIgnoreCase))
        {
            if (from is not null && awsMessage.Contains(from, StringComparison.OrdinalIgnoreCase))
            {
                return ("SesMessageRejected", ErrorKind.InvalidOperation,
                    $"SES rejected the message from '{from}': the sender is not a verified identity in this account and region. " +
                    "Verify the address or its domain in SES, or send from an identity that is verified.",
                    from);
            }

            string[] recipients = subject.Recipients.Select(Address).OfType<string>()
                .Where(r => awsMessage.Contains(r, StringComparison.OrdinalIgnoreCase))
                .ToArray();
            if (recipients.Length > 0)
            {
                string named = string.Join("', '", recipients);
                return ("SesMessageRejected", ErrorKind.InvalidOperation,
                    $"SES rejected the message from '{sender}': the recipient '{named}' is not verified, and this account is in the SES sandbox, " +
                    "where every recipient must be verified too. Verify the recipient, send to the mailbox simulator, or request production access.",
                    string.Join(", ", recipients));
            }
        }

        return ("SesMessageRejected", ErrorKind.InvalidOperation,
            $"SES rejected the message from '{sender}'; SES's message, in parentheses, says why.",
            sender);
    }

    private static (string, ErrorKind, string, string) Paused(string awsMessage, SesRequestSubject subject, string sender) =>
        subject.ConfigurationSet is { } set && awsMessage.Contains("configuration set", StringComparison.OrdinalIgnoreCase)
            ? ("SesSendingPaused", ErrorKind.InvalidOperation,
                $"sending is paused for the configuration set '{set}'. Re-enable its sending (SendingOptions.SendingEnabled) and try again.", set)
            : ("SesSendingPaused", ErrorKind.InvalidOperation,
                "sending is paused for this account in this region. Re-enable it (the account's SendingEnabled) once the cause is fixed, and try again.",
                sender);

    /// <summary>A resource of the request: how to name it in a message, the words SES uses for its kind, and what to do when it is missing.</summary>
    private sealed record Resource(string Name, string Kind, string Description, string Target, string Advice);

    private static List<Resource> Resources(SesRequestSubject subject)
    {
        var resources = new List<Resource>();
        if (subject.EventDestination is { } destination)
        {
            resources.Add(new Resource(destination, "event destination",
                $"event destination '{destination}' of the configuration set '{subject.ConfigurationSet}'", subject.Destination!,
                "Check its name with Get-SesConfigSetDestination."));
        }

        if (subject.ConfigurationSet is { } set)
        {
            resources.Add(new Resource(set, "configuration set", $"configuration set '{set}'", set,
                "Check the name and the region, or create it (Set-SesConfigSetDestination does)."));
        }

        if (subject.Identity is { } identity)
        {
            resources.Add(new Resource(identity, "identity", $"identity '{identity}'", identity,
                "Create and verify it in SES, or check the name and the region."));
        }

        return resources;
    }

    /// <summary>
    /// The resource SES's message is about: the one it names in angle brackets ("Configuration set &lt;x&gt; does not
    /// exist."), else the one whose kind it names, else the only one the request has; null when that cannot be told.
    /// </summary>
    private static Resource? Named(string awsMessage, List<Resource> resources) =>
        resources.FirstOrDefault(r => awsMessage.Contains($"<{r.Name}>", StringComparison.Ordinal))
        ?? Single(resources.Where(r => awsMessage.Contains(r.Kind, StringComparison.OrdinalIgnoreCase)))
        ?? Single(resources.Where(r => awsMessage.Contains(r.Name, StringComparison.Ordinal)))
        ?? Single(resources);

    private static Resource? Single(IEnumerable<Resource> resources)
    {
        Resource[] found = resources.Take(2).ToArray();
        return found.Length == 1 ? found[0] : null;
    }

    /// <summary>The bare address of "Name &lt;a@example.com&gt;" or "a@example.com", as SES lists identities.</summary>
    private static string? Address(string? value) =>
        value is null ? null : MailAddress.TryCreate(value, out MailAddress? address) ? address.Address : value.Trim();
}
