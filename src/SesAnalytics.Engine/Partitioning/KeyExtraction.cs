namespace SesAnalytics.Engine.Partitioning;

/// <summary>Either the record's partition keys or why Firehose would route it to the metadata-extraction-failed errors.</summary>
public readonly record struct KeyExtraction(PartitionKeys? Keys, string? FailureMessage)
{
    public bool Succeeded => Keys is not null;

    public static KeyExtraction Success(PartitionKeys keys) => new(keys, null);

    public static KeyExtraction Failure(string message) => new(null, message);
}
