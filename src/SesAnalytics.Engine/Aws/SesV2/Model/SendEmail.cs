namespace SesAnalytics.Engine.Aws.SesV2.Model;

// The wire shapes of SendEmail live together: they only make sense as a set.
public sealed record SendEmailRequest(string FromEmailAddress, EmailDestination Destination, EmailContent Content)
{
    public string? ConfigurationSetName { get; init; }

    public IReadOnlyList<MessageTag>? EmailTags { get; init; }

    /// <summary>A text (and optionally HTML) message in UTF-8.</summary>
    public static SendEmailRequest Simple(string from, IReadOnlyList<string> to, string subject, string? text, string? html) =>
        new(
            from,
            new EmailDestination(to),
            new EmailContent(new EmailMessage(
                new EmailText(subject),
                new EmailBody { Text = text is null ? null : new EmailText(text), Html = html is null ? null : new EmailText(html) })));
}

public sealed record EmailDestination(IReadOnlyList<string> ToAddresses);

public sealed record EmailContent(EmailMessage Simple);

public sealed record EmailMessage(EmailText Subject, EmailBody Body);

public sealed record EmailBody
{
    public EmailText? Text { get; init; }

    public EmailText? Html { get; init; }
}

public sealed record EmailText(string Data)
{
    public string Charset { get; init; } = "UTF-8";
}

public sealed record MessageTag(string Name, string Value);

internal sealed record SendEmailResponse(string? MessageId);
