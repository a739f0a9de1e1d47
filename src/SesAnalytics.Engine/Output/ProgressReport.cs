namespace SesAnalytics.Engine.Output;

/// <summary>One progress update. <see cref="PercentComplete"/> is -1 when the total is unknown.</summary>
public sealed record ProgressReport(
    int ActivityId,
    string Activity,
    string Status,
    int PercentComplete = -1,
    string? CurrentOperation = null,
    int SecondsRemaining = -1,
    bool Completed = false);
