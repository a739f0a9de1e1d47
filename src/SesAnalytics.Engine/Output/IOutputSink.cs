using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Output;

/// <summary>
/// How long-running engine work talks back to whoever runs it (a cmdlet, a test, the benchmark) without knowing
/// PowerShell. Implementations must be safe to call from any thread.
/// </summary>
public interface IOutputSink
{
    void Progress(ProgressReport report);

    void Verbose(string message);

    void Warning(string message);

    /// <summary>An informational message a user may want to keep (costs, summaries), not just debugging detail.</summary>
    void Information(string message, params string[] tags);

    /// <summary>A per-item failure: the work goes on with the next item.</summary>
    void Error(SesAnalyticsException error);
}
