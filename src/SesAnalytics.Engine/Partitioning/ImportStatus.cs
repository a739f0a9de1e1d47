namespace SesAnalytics;

/// <summary>What became of an import's records: whether they reached the store, and if not, why.</summary>
public enum ImportStatus
{
    /// <summary>The records are in the store.</summary>
    Imported,

    /// <summary>-WhatIf: the records were read and counted; nothing was written.</summary>
    WhatIf,

    /// <summary>The confirmation was answered No: the records were read and counted; nothing was written.</summary>
    Declined,

    /// <summary>Every input was imported into the store before: nothing was written (-Force imports it again).</summary>
    Skipped,
}
