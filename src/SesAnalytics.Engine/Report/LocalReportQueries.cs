using System.Runtime.CompilerServices;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query;

namespace SesAnalytics.Engine.Report;

/// <summary>A report's questions over a local store, with DuckDB (<see cref="LocalStoreQueries"/>).</summary>
public sealed class LocalReportQueries(string storePath, IOutputSink sink) : IReportQueries
{
    public ReportSource Source { get; } = new("Store", storePath, null, []);

    public IAsyncEnumerable<EventSummary> SummariesAsync(EventQuery query, CancellationToken cancellationToken) =>
        Async(LocalStoreQueries.Summaries(storePath, query, total: false, sink, cancellationToken), cancellationToken);

    public IAsyncEnumerable<BounceRecord> BouncesAsync(EventQuery query, CancellationToken cancellationToken) =>
        Async(LocalStoreQueries.Bounces(storePath, query, sink, cancellationToken), cancellationToken);

    public IAsyncEnumerable<SesEvent> EventsAsync(EventQuery query, CancellationToken cancellationToken) =>
        Async(LocalStoreQueries.Events(storePath, query, [], sink, cancellationToken), cancellationToken);

    private static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (T row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }
    }
}
