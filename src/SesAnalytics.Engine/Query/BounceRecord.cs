using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Time;

namespace SesAnalytics;

/// <summary>
/// One bounced recipient of one message: the columns of the article's bounce query. <see cref="Identity"/> and
/// <see cref="Day"/> come from the store folder; the tag columns hold each tag's first value.
/// </summary>
public sealed record BounceRecord(
    string Identity,
    DateTime Day,
    string? MessageId,
    DateTime? SendTime,
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
    DateTime? BounceTime,
    string? ReportingMta,
    string? Action,
    string? Status,
    string? DiagnosticCode,
    string? EmailAddress)
{
    /// <summary>The number of columns <see cref="FromColumns"/> reads.</summary>
    internal const int ColumnCount = 18;

    /// <summary>
    /// A record from the 18 columns both renderings select after identity and day, in this record's order (message id
    /// first, email address last), as text; the two times are parsed as SES writes them.
    /// </summary>
    internal static BounceRecord FromColumns(string identity, DateOnly day, ReadOnlySpan<string?> column) => new(
        identity,
        day.ToUtcDateTime(),
        MessageId: column[0],
        SendTime: Time(column[1]),
        Source: column[2],
        SendingAccountId: column[3],
        Subject: column[4],
        ConfigurationSet: column[5],
        SourceIp: column[6],
        FromDomain: column[7],
        OutgoingIp: column[8],
        BounceType: column[9],
        BounceSubType: column[10],
        FeedbackId: column[11],
        BounceTime: Time(column[12]),
        ReportingMta: column[13],
        Action: column[14],
        Status: column[15],
        DiagnosticCode: column[16],
        EmailAddress: column[17]);

    private static DateTime? Time(string? text) => SesTimestamp.TryParse(text, out DateTimeOffset time) ? time.UtcDateTime : null;

    public override string ToString() => $"{EmailAddress} {BounceType}/{BounceSubType} {Day:yyyy-MM-dd}";
}
