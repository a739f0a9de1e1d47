using System.Text.Json.Serialization;
using SesAnalytics.Engine.Aws.Protocol;

namespace SesAnalytics.Engine.Aws.Athena.Model;

public sealed record GetWorkGroupRequest(string WorkGroup);

public sealed record GetWorkGroupResponse(WorkGroup WorkGroup);

public sealed record WorkGroup
{
    public string Name { get; init; } = string.Empty;

    /// <summary>ENABLED or DISABLED.</summary>
    public string? State { get; init; }

    public WorkGroupConfiguration? Configuration { get; init; }

    public string? Description { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreationTime { get; init; }
}

public sealed record WorkGroupConfiguration
{
    public ResultConfiguration? ResultConfiguration { get; init; }

    public bool? EnforceWorkGroupConfiguration { get; init; }

    public bool? PublishCloudWatchMetricsEnabled { get; init; }

    public long? BytesScannedCutoffPerQuery { get; init; }

    public bool? RequesterPaysEnabled { get; init; }
}
