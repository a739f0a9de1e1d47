using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// Where one input record goes: a line (with its "\n") for <see cref="Folder"/>, an event or an error record; or, for a
/// line that is not JSON, the error that rejects it. An event also carries its folder's <see cref="FolderCache.Entry"/>,
/// through which the import counts its partitions.
/// </summary>
internal readonly record struct Routed(
    string Source,
    string? Folder = null,
    byte[]? Line = null,
    bool IsEvent = false,
    SesAnalyticsException? Rejection = null,
    FolderCache.Entry? Partition = null);
