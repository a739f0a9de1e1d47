namespace SesAnalytics;

/// <summary>
/// What one import did. <see cref="LinesRead"/> = <see cref="EventsToWrite"/> + <see cref="ErrorsToWrite"/> +
/// <see cref="Rejected"/>: every non-blank record read is an event for its partition, a record for errors/, or rejected
/// with an error. The *Written counts say what reached the store: the same as the *ToWrite counts when
/// <see cref="Status"/> is Imported, zero otherwise (-WhatIf, a declined confirmation, inputs imported before).
/// <see cref="Partitions"/> counts the distinct partitioned/&lt;identity&gt;/&lt;type&gt;/&lt;day&gt; folders the events
/// go to; <see cref="InputsSkipped"/> the inputs left out because the store holds them already.
/// </summary>
public sealed record ImportSummary(
    string Destination,
    ImportStatus Status,
    int InputsRead,
    int InputsSkipped,
    long LinesRead,
    long EventsToWrite,
    long EventsWritten,
    long ErrorsToWrite,
    long ErrorsWritten,
    long Rejected,
    long ObjectsWritten,
    long BytesWritten,
    int Partitions,
    TimeSpan Elapsed)
{
    /// <summary>True when nothing was written because of -WhatIf or a declined confirmation.</summary>
    public bool WhatIf => Status is ImportStatus.WhatIf or ImportStatus.Declined;

    public override string ToString() => Status switch
    {
        ImportStatus.Imported => $"{EventsWritten} events into {Destination}",
        ImportStatus.Skipped => $"Skipped: {Destination} holds these inputs already",
        _ => $"{Status}: {EventsToWrite} events not written into {Destination}",
    };
}
