using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Output;

/// <summary>Discards everything; for callers that only want the returned values.</summary>
public sealed class NullOutputSink : IOutputSink
{
    public static readonly NullOutputSink Instance = new();

    private NullOutputSink()
    {
    }

    public void Progress(ProgressReport report)
    {
    }

    public void Verbose(string message)
    {
    }

    public void Warning(string message)
    {
    }

    public void Information(string message, params string[] tags)
    {
    }

    public void Error(SesAnalyticsException error)
    {
    }
}
