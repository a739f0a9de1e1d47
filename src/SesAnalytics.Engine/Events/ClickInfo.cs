namespace SesAnalytics;

/// <summary>The <c>click</c> object: the recipient followed a tracked link.</summary>
public sealed record ClickInfo
{
    public string? IpAddress { get; init; }

    public DateTime? Timestamp { get; init; }

    public string? UserAgent { get; init; }

    public string? Link { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> LinkTags { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    public override string ToString() => Link ?? string.Empty;
}
