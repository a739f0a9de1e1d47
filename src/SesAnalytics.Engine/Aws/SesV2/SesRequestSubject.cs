namespace SesAnalytics.Engine.Aws.SesV2;

/// <summary>
/// The SES resources one request names, so that an error is about the one SES means: a SendEmail NotFoundException is
/// about its configuration set, not its sender; a MessageRejected names the sender or the recipients SES listed.
/// </summary>
internal sealed record SesRequestSubject
{
    public string? ConfigurationSet { get; init; }

    /// <summary>An event destination, always of <see cref="ConfigurationSet"/>.</summary>
    public string? EventDestination { get; init; }

    /// <summary>The identity a request is about (GetEmailIdentity, PutEmailIdentityConfigurationSetAttributes).</summary>
    public string? Identity { get; init; }

    /// <summary>SendEmail's sender (FromEmailAddress, possibly with a display name).</summary>
    public string? From { get; init; }

    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>What the request is about when the error names nothing in particular.</summary>
    public string Target => From ?? Identity ?? Destination ?? ConfigurationSet ?? string.Empty;

    /// <summary>"set/destination", the way the module names an event destination.</summary>
    public string? Destination => EventDestination is null ? null : $"{ConfigurationSet}/{EventDestination}";
}
