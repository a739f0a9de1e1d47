namespace SesAnalytics.Engine.Query;

/// <summary>
/// One bounced recipient of one message: the columns of the article's bounce query. <see cref="Identity"/> and
/// <see cref="Day"/> come from the store folder; the tag columns hold each tag's first value.
/// </summary>
public sealed record BounceRecord(
    string Identity,
    DateOnly Day,
    string? MessageId,
    DateTimeOffset? SendTime,
    string? Source,
    string? SendingAccountId,
    string? Subject,
    string? ConfigurationSet,
    string? SourceIp,
    string? FromDomain,
    string? OutgoingIp,
    string? BounceType,
    string? BounceSubType,
    string? FeedbackId,
    DateTimeOffset? BounceTime,
    string? ReportingMta,
    string? Action,
    string? Status,
    string? DiagnosticCode,
    string? EmailAddress);
