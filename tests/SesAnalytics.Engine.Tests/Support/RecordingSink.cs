using System.Collections.Concurrent;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Tests.Support;

/// <summary>Keeps everything the engine reported, in order.</summary>
public sealed class RecordingSink : IOutputSink
{
    public ConcurrentQueue<ProgressReport> Progresses { get; } = new();

    public ConcurrentQueue<string> Verboses { get; } = new();

    public ConcurrentQueue<string> Warnings { get; } = new();

    public ConcurrentQueue<SesAnalyticsException> Errors { get; } = new();

    public Action<ProgressReport>? OnProgress { get; set; }

    public void Progress(ProgressReport report)
    {
        Progresses.Enqueue(report);
        OnProgress?.Invoke(report);
    }

    public void Verbose(string message) => Verboses.Enqueue(message);

    public void Warning(string message) => Warnings.Enqueue(message);

    public void Information(string message, params string[] tags)
    {
    }

    public void Error(SesAnalyticsException error) => Errors.Enqueue(error);
}
