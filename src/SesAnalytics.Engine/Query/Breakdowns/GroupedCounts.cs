using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Query.Breakdowns;

/// <summary>The counts of one group on one day, from one store partition or one Athena row set; summed when folded.</summary>
public sealed record GroupedCounts(GroupValues Group, DateOnly Day, EventCounts Counts);
