using SesAnalytics.Engine.Events;

namespace SesAnalytics;

/// <summary>The original message an event is about (<c>mail</c>), the same in every event of that message.</summary>
public sealed record MailInfo
{
    private readonly string? _sourceIp;

    private readonly string? _callerIdentity;

    public DateTime? Timestamp { get; init; }

    public string? Source { get; init; }

    public string? SourceArn { get; init; }

    public string? SendingAccountId { get; init; }

    public string? MessageId { get; init; }

    private readonly IReadOnlyList<string> _destination = AddressList.None;

    public IReadOnlyList<string> Destination
    {
        get => _destination;
        init => _destination = AddressList.From(value);
    }

    public bool? HeadersTruncated { get; init; }

    public IReadOnlyList<MailHeader> Headers { get; init; } = [];

    public CommonHeaders? CommonHeaders { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Tags { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary><c>mail.sourceIp</c> (SNS notifications), else the <c>ses:source-ip</c> tag (event publishing).</summary>
    public string? SourceIp
    {
        get => _sourceIp ?? Tag(SesTags.SourceIp);
        init => _sourceIp = value;
    }

    /// <summary><c>mail.callerIdentity</c> (SNS notifications), else the <c>ses:caller-identity</c> tag.</summary>
    public string? CallerIdentity
    {
        get => _callerIdentity ?? Tag(SesTags.CallerIdentity);
        init => _callerIdentity = value;
    }

    public string? SenderIdentity => Tag(SesTags.SenderIdentity);

    public string? ConfigurationSet => Tag(SesTags.ConfigurationSet);

    public string? FromDomain => Tag(SesTags.FromDomain);

    public string? OutgoingIp => Tag(SesTags.OutgoingIp);

    public string? Operation => Tag(SesTags.Operation);

    public string? SourceTlsVersion => Tag(SesTags.SourceTlsVersion);

    /// <summary>The first value of a tag, or null when the message does not carry it.</summary>
    public string? Tag(string name) =>
        Tags.TryGetValue(name, out IReadOnlyList<string>? values) && values.Count > 0 ? values[0] : null;

    public override string ToString() => $"{MessageId} from {Source}";
}
