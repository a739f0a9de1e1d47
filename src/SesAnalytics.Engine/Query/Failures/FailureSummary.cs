using SesAnalytics.Engine.Query.Grouping;
namespace SesAnalytics;

/// <summary>
/// One kind of failure of one group, on one day (<see cref="Day"/> set) or over a whole range: how many events reported
/// it, to how many recipients, and the recipient domains it hit most.
/// </summary>
public sealed record FailureSummary : GroupedRow
{
    internal FailureSummary(GroupValues group, DateOnly? day, DateOnly from, DateOnly to)
        : base(group, day, from, to)
    {
    }

    public FailureKind Kind { get; init; }

    /// <summary>The bounce type (Permanent, Transient, Undetermined) or the delay type (MailboxFull, ...); null for rejects and rendering failures.</summary>
    public string? Type { get; init; }

    /// <summary>The bounce subtype (General, NoEmail, Suppressed, MailboxFull, ...).</summary>
    public string? SubType { get; init; }

    /// <summary>
    /// Why: the receiving server's diagnostic code, normalised so its variants group (<c>550 5.1.1 user unknown</c>),
    /// for bounces and delays; SES's reason for a reject; the template and its error for a rendering failure.
    /// </summary>
    public string? Reason { get; init; }

    /// <summary>The SMTP enhanced status (<c>5.1.1</c>), as SES reported it or as the diagnostic code starts.</summary>
    public string? Status { get; init; }

    public long Events { get; init; }

    public long Recipients { get; init; }

    /// <summary>The five recipient domains with the most of these recipients: <c>gmail.com (12); yahoo.com (3)</c>.</summary>
    public string? RecipientDomains { get; init; }

    public override string ToString() => $"{Group} {Kind} {Type} {Reason}: {Recipients}";
}
