namespace SesAnalytics.Engine.Aws.Firehose;

/// <summary>What became of one input record of <see cref="IFirehoseClient.PutRecordsAsync"/>, by its input position.</summary>
public sealed record RecordResult(int Index, string? RecordId, string? ErrorCode, string? ErrorMessage, int Attempts)
{
    public bool Succeeded => ErrorCode is null;
}
