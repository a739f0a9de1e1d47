using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Query.Engagement;

/// <summary>
/// The store reader's progress while it reads one identity at a time, told as progress over all the identities: its
/// own "completed" at the end of each identity is held back until the last one.
/// </summary>
internal sealed class IdentityProgress(IOutputSink sink, int identities) : IOutputSink
{
    private int _read;
    private ProgressReport? _last;

    /// <summary>One more identity has been read.</summary>
    public void Read() => Interlocked.Increment(ref _read);

    public void Complete()
    {
        if (_last is not null)
        {
            sink.Progress(_last with { Status = $"{identities} of {identities} identities read", PercentComplete = 100, Completed = true });
        }
    }

    public void Progress(ProgressReport report)
    {
        if (report.Completed)
        {
            return;
        }

        int read = Volatile.Read(ref _read);
        _last = report with { Status = $"{read} of {identities} identities read", PercentComplete = read * 100 / identities };
        sink.Progress(_last);
    }

    public void Verbose(string message) => sink.Verbose(message);

    public void Warning(string message) => sink.Warning(message);

    public void Information(string message, params string[] tags) => sink.Information(message, tags);

    public void Error(SesAnalyticsException error) => sink.Error(error);
}
