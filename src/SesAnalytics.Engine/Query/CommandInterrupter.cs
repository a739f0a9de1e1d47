using DuckDB.NET.Data;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// Interrupts a running DuckDB command when the user stops. DuckDB clears a pending interrupt when execution begins,
/// so one interrupt that lands while the statement is still being prepared is lost: this repeats it until the command ends.
/// </summary>
internal sealed class CommandInterrupter : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly Action _interrupt;
    private readonly object _gate = new();
    private Timer? _timer;
    private bool _done;

    public CommandInterrupter(DuckDBCommand command)
        : this(command.Cancel)
    {
    }

    /// <param name="interrupt">What stops the statement (DuckDB's interrupt of its connection).</param>
    public CommandInterrupter(Action interrupt)
    {
        _interrupt = interrupt;
    }

    public void Start()
    {
        lock (_gate)
        {
            if (!_done && _timer is null)
            {
                _timer = new Timer(_ => Interrupt(), null, TimeSpan.Zero, Interval);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _done = true;
            _timer?.Dispose();
        }
    }

    private void Interrupt()
    {
        lock (_gate)
        {
            if (!_done)
            {
                _interrupt();
            }
        }
    }
}
