using System.Runtime.CompilerServices;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Breakdowns;
using SesAnalytics.Engine.Query.Delivery;
using SesAnalytics.Engine.Query.Engagement;
using SesAnalytics.Engine.Query.Failures;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Report;

/// <summary>A report's questions over a local store, with DuckDB.</summary>
public sealed class LocalReportQueries(string storePath, IOutputSink sink) : IReportQueries
{
    public ReportSource Source { get; } = new("Store", storePath, null, StoreTagSample.Read(new Store.EventStore(storePath, sink)).Accounts);

    public IAsyncEnumerable<EventSummary> SummariesAsync(SummaryRequest request, CancellationToken cancellationToken) =>
        Async(SummaryQueries.Local(storePath, request, sink, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<EngagementSummary>> EngagementAsync(EngagementQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(LocalEngagementQueries.Summaries(storePath, query, sink, cancellationToken));

    public IAsyncEnumerable<DeliveryTimeSummary> DeliveryTimesAsync(EventQuery query, GroupBy grouping, CancellationToken cancellationToken) =>
        Async(DeliveryTimes.FromStore(storePath, query, grouping, total: true, sink, cancellationToken), cancellationToken);

    public IAsyncEnumerable<FailureSummary> FailuresAsync(EventQuery query, GroupBy grouping, IReadOnlyList<FailureKind> kinds, CancellationToken cancellationToken) =>
        Async(FailureSummaries.FromStore(storePath, query, grouping, kinds, total: true, sink, cancellationToken), cancellationToken);

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
