using SesAnalytics.Engine.Events;

namespace SesAnalytics;

/// <summary>
/// One SES event, with what a user filters on lifted to the top. The derived record of each type carries that type's
/// own object (<see cref="BounceEvent.Bounce"/>, ...); <see cref="Json"/> keeps the record as SES wrote it.
/// </summary>
public abstract record SesEvent
{
    private readonly IReadOnlyList<string> _recipients = AddressList.None;

    public abstract SesEventType EventType { get; }

    /// <summary>The <c>ses:sender-identity</c> tag, or <see cref="Partitioning.FirehoseLayout.MissingIdentity"/>.
    /// The query layer sets it from the partition folder, which is where Firehose put the record.</summary>
    public required string Identity { get; init; }

    public required string MessageId { get; init; }

    /// <summary>When this event happened (UTC): the type's own timestamp, else the time SES accepted the mail.</summary>
    public required DateTime Timestamp { get; init; }

    /// <summary>The recipients this event is about: bounced, complained, delivered or delayed ones, else all of them.</summary>
    public required IReadOnlyList<string> Recipients
    {
        get => _recipients;
        init => _recipients = AddressList.From(value);
    }

    public required MailInfo Mail { get; init; }

    /// <summary>The record as one line of JSON.</summary>
    public required string Json { get; init; }

    public string? Subject => Mail.CommonHeaders?.Subject;

    public string? Source => Mail.Source;

    public string? ConfigurationSet => Mail.ConfigurationSet;

    /// <summary>This type's own object in one line: bounce type and recipients, the clicked link, the SMTP answer, ...</summary>
    public abstract string Detail { get; }

    public sealed override string ToString() =>
        $"{EventType.WireName()} {Timestamp:yyyy-MM-dd HH:mm:ss}Z {string.Join(", ", Recipients)} {MessageId}";
}
