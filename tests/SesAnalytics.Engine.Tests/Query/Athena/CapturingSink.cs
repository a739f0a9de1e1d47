using System.Collections.Concurrent;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Tests.Query.Athena;

internal sealed class CapturingSink : IOutputSink
{
    public ConcurrentQueue<ProgressReport> ProgressReports { get; } = new();

    public ConcurrentQueue<string> VerboseMessages { get; } = new();

    public ConcurrentQueue<string> Warnings { get; } = new();

    public ConcurrentQueue<(string Message, string[] Tags)> InformationRecords { get; } = new();

    public ConcurrentQueue<SesAnalyticsException> Errors { get; } = new();

    public void Progress(ProgressReport report) => ProgressReports.Enqueue(report);

    public void Verbose(string message) => VerboseMessages.Enqueue(message);

    public void Warning(string message) => Warnings.Enqueue(message);

    public void Information(string message, params string[] tags) => InformationRecords.Enqueue((message, tags));

    public void Error(SesAnalyticsException error) => Errors.Enqueue(error);
}
