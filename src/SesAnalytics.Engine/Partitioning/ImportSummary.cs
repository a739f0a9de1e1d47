namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// What one import did. <see cref="LinesRead"/> = <see cref="EventsWritten"/> + <see cref="ErrorsWritten"/> +
/// <see cref="Rejected"/>: every non-blank record is either partitioned, written to errors/, or rejected with an error.
/// <see cref="Partitions"/> counts the distinct partitioned/&lt;identity&gt;/&lt;type&gt;/&lt;day&gt; folders; with
/// <see cref="WhatIf"/> the counts say what would have been written and nothing was.
/// </summary>
public sealed record ImportSummary(
    string Destination,
    long LinesRead,
    long EventsWritten,
    long ErrorsWritten,
    long Rejected,
    long ObjectsWritten,
    long BytesWritten,
    int Partitions,
    TimeSpan Elapsed,
    bool WhatIf)
{
    public override string ToString() => $"{EventsWritten} events into {Destination}";
}
