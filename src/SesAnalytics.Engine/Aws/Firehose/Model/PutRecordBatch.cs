namespace SesAnalytics.Engine.Aws.Firehose.Model;

public sealed record PutRecordBatchRequest(string DeliveryStreamName, IReadOnlyList<FirehoseRecord> Records);

/// <summary>One record; System.Text.Json writes <see cref="Data"/> as base64, which is the model's blob.</summary>
public sealed record FirehoseRecord(byte[] Data);

public sealed record PutRecordBatchResponse
{
    public int FailedPutCount { get; init; }

    public bool? Encrypted { get; init; }

    public IReadOnlyList<PutRecordBatchResponseEntry> RequestResponses { get; init; } = [];
}

public sealed record PutRecordBatchResponseEntry
{
    public string? RecordId { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}
