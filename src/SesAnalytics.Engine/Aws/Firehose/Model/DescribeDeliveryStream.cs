using System.Text.Json;
using System.Text.Json.Serialization;
using SesAnalytics.Engine.Aws.Protocol;

namespace SesAnalytics.Engine.Aws.Firehose.Model;

// The wire shapes of one operation live together: they only make sense as a set.
public sealed record DescribeDeliveryStreamRequest(string DeliveryStreamName)
{
    public int? Limit { get; init; }

    public string? ExclusiveStartDestinationId { get; init; }
}

public sealed record DescribeDeliveryStreamResponse(DeliveryStreamDescription DeliveryStreamDescription);

public sealed record DeliveryStreamDescription
{
    public string DeliveryStreamName { get; init; } = string.Empty;

    public string DeliveryStreamARN { get; init; } = string.Empty;

    /// <summary>CREATING, CREATING_FAILED, DELETING, DELETING_FAILED or ACTIVE.</summary>
    public string DeliveryStreamStatus { get; init; } = string.Empty;

    public string DeliveryStreamType { get; init; } = string.Empty;

    public string VersionId { get; init; } = string.Empty;

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreateTimestamp { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LastUpdateTimestamp { get; init; }

    /// <summary>Kept as JSON: the destination shapes are large and the layout checks read only a few members.</summary>
    public IReadOnlyList<JsonElement> Destinations { get; init; } = [];

    public bool HasMoreDestinations { get; init; }
}
