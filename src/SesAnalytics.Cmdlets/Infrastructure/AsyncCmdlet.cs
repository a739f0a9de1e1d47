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
    private const int ObjectsPerWake = 64;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan WakeDelay = TimeSpan.FromMilliseconds(5);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Action> _pending = new();
    private readonly ConcurrentQueue<string> _warningsAfterStop = new();
    private readonly SemaphoreSlim _signal = new(0);
    private volatile bool _running;

    // 1 while the pipeline thread waits for the queue: only then does a Post wake it, so a burst of objects costs one
    // wake-up and the pipeline thread drains them together instead of being signalled for each.
    private int _idle;
    private int _pipelineThreadId;
    private int _objectsUnannounced;
    private int _wakeScheduled;
    private Timer? _wakeTimer;

    protected CancellationToken StopToken => _stopping.Token;

    /// <summary>The engine's view of this cmdlet's streams; safe to use from the worker.</summary>
    protected IOutputSink Sink => new CmdletSink(this);

    public void Dispose()
    {
        _stopping.Dispose();
        _wakeTimer?.Dispose();
        _signal.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs on the pipeline thread before any async work: the place to read session state.</summary>
    protected virtual void Prepare()
    {
    }

    /// <summary>Runs on the pipeline thread before each record's async work: resolve paths and bound values here.</summary>
    protected virtual void PrepareRecord()
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

    protected sealed override void ProcessRecord()
    {
        try
        {
            PrepareRecord();
        }
        catch (Exception error) when (error is not PipelineStoppedException and not PSInvalidOperationException)
        {
            ThrowTerminatingError(ErrorRecords.From(error));
        }

        Run(ProcessRecordAsync, ProcessesRecordInline);
    }

    /// <summary>
    /// True for cmdlets whose per-record work is small (a line of JSON from the pipeline): it starts on the pipeline
    /// thread, sparing a thread hop per record; any part after its first real wait still runs on the pool.
    /// </summary>
    protected virtual bool ProcessesRecordInline => false;

    protected sealed override void EndProcessing() => Run(EndProcessingAsync);

    protected override void StopProcessing() => _stopping.Cancel();

    protected void Emit(object? item)
    {
        if (OnPipelineThread)
        {
            // Written at once, as Post would: without a closure an object (ten thousand of them, often).
            WriteObject(item);
            return;
        }

        PostObject(item);
    }

    // A method of its own: a closure over Emit's parameter would be made on every call, the direct ones too.
    private void PostObject(object? item) => Post(() => WriteObject(item), isObject: true);

    protected void EmitError(ErrorRecord record) => Post(() => WriteError(record));

    /// <summary>Writes the item at a file-system path as Get-Item would (provider properties, the file system's views).</summary>
    protected void EmitItem(string path) => Post(() => WriteObject(InvokeProvider.Item.Get([path], force: true, literalPath: true), enumerateCollection: true));

    protected void EmitError(Exception error, object? target = null) => EmitError(ErrorRecords.From(error, target));

    protected void EmitVerbose(string message) => Post(() => WriteVerbose(message));

    protected void EmitWarning(string message)
    {
        if (_stopping.IsCancellationRequested)
        {
            // PowerShell refuses every Write* once the pipeline stops; WarnThroughHost says it instead.
            _warningsAfterStop.Enqueue(message);
            return;
        }

        Post(() => WriteWarning(message));
    }

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

    /// <summary>
    /// Queues <paramref name="action"/> for the pipeline thread. Anything but an object wakes it at once; objects wake it
    /// <see cref="ObjectsPerWake"/> at a time, or <see cref="WakeDelay"/> after the first one it has not been woken for.
    /// Woken for each object, the pipeline thread wrote it and fell asleep again before the next one was ready: a
    /// sleep and a wake-up of two threads per object (about 9,000 of them for 10,000 bounces).
    /// </summary>
    private void Post(Action action, bool isObject = false)
    {
        if (OnPipelineThread)
        {
            action();
            return;
        }

        _pending.Enqueue(action);
        if (!isObject || Interlocked.Increment(ref _objectsUnannounced) >= ObjectsPerWake)
        {
            Wake();
        }
        else if (Interlocked.Exchange(ref _wakeScheduled, 1) == 0)
        {
            _wakeTimer ??= new Timer(static cmdlet => ((AsyncCmdlet)cmdlet!).WakeLater(), this, Timeout.Infinite, Timeout.Infinite);
            _wakeTimer.Change(WakeDelay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Whether a Write* can run at once: on the pipeline thread, or with no work running to queue it for.</summary>
    private bool OnPipelineThread => Environment.CurrentManagedThreadId == _pipelineThreadId || !_running;

    /// <summary>The timer's wake-up, on a pool thread: the cmdlet may have been disposed since it was scheduled.</summary>
    private void WakeLater()
    {
        Volatile.Write(ref _wakeScheduled, 0);
        try
        {
            Wake();
        }
        catch (ObjectDisposedException)
        {
            // The command is over; nobody waits for these objects any more.
        }
    }

    /// <summary>Wakes the pipeline thread if it sleeps; awake, it drains the whole queue before it sleeps again.</summary>
    private void Wake()
    {
        Volatile.Write(ref _objectsUnannounced, 0);
        if (Interlocked.Exchange(ref _idle, 0) == 1)
        {
            _signal.Release();
        }
    }

    private void Run(Func<CancellationToken, Task> work, bool inline = false)
    {
        _pipelineThreadId = Environment.CurrentManagedThreadId;
        _running = true;
        Task task = inline ? StartInline(work) : Task.Run(() => work(StopToken), CancellationToken.None);
        if (!task.IsCompleted)
        {
            task.ContinueWith(_ => _signal.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        try
        {
            while (true)
            {
                Drain();
                if (task.IsCompleted)
                {
                    Drain();
                    break;
                }

                WaitForWork(task);
            }
        }
        catch (Exception error) when (!task.IsCompleted || error is OperationCanceledException)
        {
            // Stopped by the user, or a Write* threw: cancel the work and let it wind down before PowerShell moves on.
            _stopping.Cancel();
            WaitQuietly(task);
            _running = false;
            _pending.Clear();
            WarnThroughHost();
            if (error is OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }

            throw;
        }

        _running = false;
        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            WarnThroughHost();
            throw new PipelineStoppedException();
        }
        catch (Exception error) when (error is not PipelineStoppedException)
        {
            ThrowTerminatingError(ErrorRecords.From(error));
        }
    }

    /// <summary>Runs the work on the pipeline thread until it first waits; whatever follows runs on the pool.</summary>
    private Task StartInline(Func<CancellationToken, Task> work)
    {
        try
        {
            return work(StopToken);
        }
        catch (Exception error)
        {
            return Task.FromException(error);
        }
    }

    /// <summary>
    /// What the work said while winding down after Ctrl+C (where the stopped operation stands, what to run next) goes to
    /// the host, the one channel PowerShell leaves open once the pipeline is stopping; -WarningAction is still obeyed.
    /// </summary>
    private void WarnThroughHost()
    {
        object? preference = MyInvocation.BoundParameters.TryGetValue("WarningAction", out object? given)
            ? given
            : SessionState.PSVariable.GetValue("WarningPreference");
        bool wanted = !LanguagePrimitives.TryConvertTo(preference, out ActionPreference action)
            || action is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore);
        while (_warningsAfterStop.TryDequeue(out string? message))
        {
            if (wanted)
            {
                Host.UI.WriteWarningLine(message);
            }
        }
    }

    /// <summary>Sleeps until a Post or the work's end wakes it; it says it is idle before its last look at the queue.</summary>
    private void WaitForWork(Task task)
    {
        Interlocked.Exchange(ref _idle, 1);
        if (_pending.IsEmpty && !task.IsCompleted)
        {
            _signal.Wait(StopToken);
        }

        Volatile.Write(ref _idle, 0);
    }

    private void Drain()
    {
        while (_pending.TryDequeue(out Action? action))
        {
            action();
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
