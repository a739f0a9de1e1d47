using System.Collections.Concurrent;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Tests.Partitioning;

internal sealed class RecordingSink : IOutputSink
{
    public ConcurrentQueue<SesAnalyticsException> Errors { get; } = new();

    public ConcurrentQueue<ProgressReport> ProgressReports { get; } = new();

    public void Progress(ProgressReport report) => ProgressReports.Enqueue(report);

    public void Verbose(string message)
    {
    }

    public void Warning(string message)
    {
    }

    public void Information(string message, params string[] tags)
    {
    }

    public void Error(SesAnalyticsException error) => Errors.Enqueue(error);
}
