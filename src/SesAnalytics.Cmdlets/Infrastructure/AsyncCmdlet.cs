using System.Collections.Concurrent;
using System.Diagnostics;
using System.Management.Automation;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// Runs a cmdlet's work on a worker task while the pipeline thread drains a queue of PowerShell calls: every Write*
/// and ShouldProcess happens on the pipeline thread, and Ctrl+C cancels <see cref="StopToken"/>, which the engine honours.
/// </summary>
public abstract class AsyncCmdlet : PSCmdlet, IDisposable
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
    private BlockingCollection<Action>? _queue;
    private int _pipelineThreadId;

    protected CancellationToken StopToken => _stopping.Token;

    /// <summary>The engine's view of this cmdlet's streams; safe to use from the worker.</summary>
    protected IOutputSink Sink => new CmdletSink(this);

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs on the pipeline thread before any async work: the place to read session state.</summary>
    protected virtual void Prepare()
    {
    }

    protected virtual Task BeginProcessingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task ProcessRecordAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task EndProcessingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected sealed override void BeginProcessing()
    {
        try
        {
            Prepare();
        }
        catch (Exception error) when (error is not PipelineStoppedException and not PSInvalidOperationException)
        {
            ThrowTerminatingError(ErrorRecords.From(error));
        }

        Run(BeginProcessingAsync);
    }

    protected sealed override void ProcessRecord() => Run(ProcessRecordAsync);

    protected sealed override void EndProcessing() => Run(EndProcessingAsync);

    protected override void StopProcessing() => _stopping.Cancel();

    protected void Emit(object? item) => Post(() => WriteObject(item));

    protected void EmitError(ErrorRecord record) => Post(() => WriteError(record));

    protected void EmitError(Exception error, object? target = null) => EmitError(ErrorRecords.From(error, target));

    protected void EmitVerbose(string message) => Post(() => WriteVerbose(message));

    protected void EmitWarning(string message) => Post(() => WriteWarning(message));

    protected void EmitProgress(ProgressReport report)
    {
        lock (_sinceProgress)
        {
            if (!report.Completed && report.PercentComplete != 100 && _sinceProgress.Elapsed < ProgressInterval)
            {
                return;
            }

            _sinceProgress.Restart();
        }

        var record = new ProgressRecord(report.ActivityId, report.Activity, string.IsNullOrEmpty(report.Status) ? report.Activity : report.Status)
        {
            PercentComplete = Math.Clamp(report.PercentComplete, -1, 100),
            CurrentOperation = report.CurrentOperation,
            SecondsRemaining = report.SecondsRemaining,
            RecordType = report.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        Post(() => WriteProgress(record));
    }

    /// <summary>Asks ShouldProcess on the pipeline thread and waits for the answer.</summary>
    protected Task<bool> ShouldProcessAsync(string target, string action)
    {
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() => answer.TrySetResult(ShouldProcess(target, action)));
        return answer.Task.WaitAsync(StopToken);
    }

    private void Post(Action action)
    {
        BlockingCollection<Action>? queue = _queue;
        if (queue is null || Environment.CurrentManagedThreadId == _pipelineThreadId)
        {
            action();
            return;
        }

        try
        {
            queue.Add(action, StopToken);
        }
        catch (InvalidOperationException)
        {
            // The pipeline thread stopped draining (the work ended or the user stopped it): nothing left to tell.
        }
    }

    private void Run(Func<CancellationToken, Task> work)
    {
        using var queue = new BlockingCollection<Action>();
        _pipelineThreadId = Environment.CurrentManagedThreadId;
        _queue = queue;
        Task task = Task.Run(
            async () =>
            {
                try
                {
                    await work(StopToken).ConfigureAwait(false);
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            CancellationToken.None);

        try
        {
            foreach (Action action in queue.GetConsumingEnumerable(StopToken))
            {
                action();
            }
        }
        catch (Exception error) when (!task.IsCompleted || error is OperationCanceledException)
        {
            // Stopped by the user, or a Write* threw: cancel the work and let it wind down before PowerShell moves on.
            _stopping.Cancel();
            WaitQuietly(task);
            _queue = null;
            if (error is OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }

            throw;
        }

        _queue = null;
        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception error) when (error is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(error));
        }
    }

    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The work's own failure no longer matters once the pipeline is stopping.
        }
    }

    private sealed class CmdletSink(AsyncCmdlet cmdlet) : IOutputSink
    {
        public void Progress(ProgressReport report) => cmdlet.EmitProgress(report);

        public void Verbose(string message) => cmdlet.EmitVerbose(message);

        public void Warning(string message) => cmdlet.EmitWarning(message);

        public void Information(string message, params string[] tags) =>
            cmdlet.Post(() => cmdlet.WriteInformation(message, tags));

        public void Error(SesAnalyticsException error) => cmdlet.EmitError(ErrorRecords.From(error));
    }
}
