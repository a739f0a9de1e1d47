namespace SesAnalytics.Engine.Partitioning;

/// <summary>How <see cref="SesEventImport"/> lays records out under <see cref="Destination"/>.</summary>
public sealed record ImportOptions(string Destination)
{
    public const string DefaultStreamName = "ses-analytics";

    /// <summary>Firehose's largest buffer: an object per partition rolls over after this much uncompressed data.</summary>
    public const long MaxBufferSizeBytes = 128L * 1024 * 1024;

    public string StreamName { get; init; } = DefaultStreamName;

    /// <summary>Day folders from the time of the import (as Firehose's arrival time) instead of the event's own time.</summary>
    public bool UseArrivalTime { get; init; }

    public long BufferSizeBytes { get; init; } = MaxBufferSizeBytes;

    /// <summary>Read and count only; write nothing.</summary>
    public bool WhatIf { get; init; }

    /// <summary>The user answered No to the confirmation: read and count only, write nothing, and say so.</summary>
    public bool Declined { get; init; }

    /// <summary>Import inputs the store's import manifest holds already (their events are then in the store twice).</summary>
    public bool Force { get; init; }

    public bool WritesNothing => WhatIf || Declined;
}
