using System.Management.Automation;
using SesAnalytics.Engine.Query.Athena;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// What the commands that answer per group share (Get-SesEngagement, Get-SesClickedLink, Get-SesDeliveryTime,
/// Get-SesFailureSummary and the reputation commands): -GroupBy, and asking Athena or the local store, as the parameter
/// set says, with the same question.
/// </summary>
public abstract class GroupedQueryCmdlet : EventQueryCmdlet
{
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(GroupByCompleter))]
    public string[]? GroupBy { get; set; }

    /// <summary>-GroupBy as group keys; checked (unknown keys, empty tag names) before anything is read.</summary>
    protected Engine.Query.Grouping.GroupBy Grouping => Engine.Query.Grouping.GroupBy.Parse(GroupBy);

    /// <summary>The answers from Athena (with this invocation's clients) or from the store, each handed to <paramref name="emit"/> as it comes.</summary>
    protected async Task AnswerAsync<T>(
        Func<AthenaQueries, AthenaTarget, CancellationToken, IAsyncEnumerable<T>> fromAthena,
        Func<IEnumerable<T>> fromStore,
        Action<T> emit,
        CancellationToken cancellationToken)
    {
        if (InCloud)
        {
            (var queries, var target, IDisposable clients) = await CreateAthenaQueriesAsync(cancellationToken).ConfigureAwait(false);
            using (clients)
            {
                await foreach (T answer in fromAthena(queries, target, cancellationToken).ConfigureAwait(false))
                {
                    emit(answer);
                }
            }

            return;
        }

        foreach (T answer in fromStore())
        {
            emit(answer);
        }
    }

    /// <inheritdoc cref="AnswerAsync{T}(Func{AthenaQueries, AthenaTarget, CancellationToken, IAsyncEnumerable{T}}, Func{IEnumerable{T}}, Action{T}, CancellationToken)"/>
    protected Task AnswerAsync<T>(
        Func<AthenaQueries, AthenaTarget, CancellationToken, Task<IReadOnlyList<T>>> fromAthena,
        Func<IEnumerable<T>> fromStore,
        Action<T> emit,
        CancellationToken cancellationToken) =>
        AnswerAsync((queries, target, token) => Each(fromAthena(queries, target, token)), fromStore, emit, cancellationToken);

    private static async IAsyncEnumerable<T> Each<T>(Task<IReadOnlyList<T>> answers)
    {
        foreach (T answer in await answers.ConfigureAwait(false))
        {
            yield return answer;
        }
    }
}
