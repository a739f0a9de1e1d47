namespace SesAnalytics.Engine.Query;

/// <summary>The counts of one identity on one day.</summary>
public sealed record PartitionCounts(string Identity, DateOnly Day, EventCounts Counts);
