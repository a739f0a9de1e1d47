namespace SesAnalytics.Engine.Aws.Firehose.Model;

public sealed record ListDeliveryStreamsRequest
{
    public int? Limit { get; init; }

    /// <summary>DirectPut, KinesisStreamAsSource, MSKAsSource or DatabaseAsSource.</summary>
    public string? DeliveryStreamType { get; init; }

    public string? ExclusiveStartDeliveryStreamName { get; init; }
}

public sealed record ListDeliveryStreamsResponse
{
    public IReadOnlyList<string> DeliveryStreamNames { get; init; } = [];

    public bool HasMoreDeliveryStreams { get; init; }
}
