using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Suppression;

/// <summary>
/// Spaces calls at most <c>requestsPerSecond</c> a second, so a large batch stays under SES's request rate instead of
/// leaning on throttling and retries. Each call reserves the next free slot, so concurrent callers queue up too.
/// </summary>
public sealed class RequestPacer
{
    private readonly TimeProvider _time;
    private readonly object _lock = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public RequestPacer(double requestsPerSecond, TimeProvider? time = null)
    {
        if (!(requestsPerSecond > 0) || double.IsInfinity(requestsPerSecond))
        {
            throw new InvalidInputException("RequestRateOutOfRange", $"The request rate must be a positive number of requests a second, not {requestsPerSecond}.", requestsPerSecond);
        }

        Interval = TimeSpan.FromSeconds(1 / requestsPerSecond);
        _time = time ?? TimeProvider.System;
    }

    public TimeSpan Interval { get; }

    /// <summary>Waits for this call's slot; the first call goes at once.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan delay;
        lock (_lock)
        {
            DateTimeOffset now = _time.GetUtcNow();
            DateTimeOffset start = _next > now ? _next : now;
            _next = start + Interval;
            delay = start - now;
        }

        return delay > TimeSpan.Zero ? Task.Delay(delay, _time, cancellationToken) : Task.CompletedTask;
    }
}
