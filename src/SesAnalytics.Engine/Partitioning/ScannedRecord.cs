namespace SesAnalytics.Engine.Partitioning;

/// <summary>What <see cref="EventRecordScanner"/> found in a record: its keys, its own time, and whether it is already compact.</summary>
internal readonly record struct ScannedRecord(PartitionKeys Keys, DateTimeOffset? EventTime, bool IsCompact);
