namespace SesAnalytics.Engine.Partitioning;

/// <summary>The two dynamic partition keys MetadataExtraction yields for one record, as Firehose puts them in the prefix.</summary>
public sealed record PartitionKeys(string SenderIdentity, string EventType);
