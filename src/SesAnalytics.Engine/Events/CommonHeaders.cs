namespace SesAnalytics;

/// <summary>The headers SES decodes for every message (<c>mail.commonHeaders</c>).</summary>
public sealed record CommonHeaders
{
    public IReadOnlyList<string> From { get; init; } = [];

    public IReadOnlyList<string> To { get; init; } = [];

    public IReadOnlyList<string> Cc { get; init; } = [];

    public IReadOnlyList<string> Bcc { get; init; } = [];

    public IReadOnlyList<string> ReplyTo { get; init; } = [];

    public string? ReturnPath { get; init; }

    public string? MessageId { get; init; }

    public string? Date { get; init; }

    public string? Subject { get; init; }

    public override string ToString() => Subject ?? string.Empty;
}
