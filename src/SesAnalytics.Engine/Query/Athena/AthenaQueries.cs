using System.Runtime.CompilerServices;
using SesAnalytics.Engine.Aws.Athena;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Query.Athena;

/// <summary>The questions of <see cref="LocalStoreQueries"/> answered in the cloud, with Athena over the stack's table.</summary>
public sealed class AthenaQueries
{
    private readonly AthenaQueryRunner _runner;
    private readonly IIdentitySource? _identities;
    private readonly IOutputSink _sink;

    public AthenaQueries(IAthenaClient client, IIdentitySource? identities, IOutputSink sink)
        : this(new AthenaQueryRunner(client, sink), identities, sink)
    {
    }

    /// <param name="identities">Where the identities of the bounce and summary questions come from; null when only
    /// <see cref="RunAsync"/> is used.</param>
    public AthenaQueries(AthenaQueryRunner runner, IIdentitySource? identities, IOutputSink sink)
    {
        _runner = runner;
        _identities = identities;
        _sink = sink;
    }

    /// <summary>One record per bounced recipient, ordered by day, identity, send time, message and recipient.</summary>
    public async IAsyncEnumerable<BounceRecord> BouncesAsync(AthenaTarget target, EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IReadOnlyList<string> identities = await Identities.ResolveAsync(query.Identities, cancellationToken).ConfigureAwait(false);
        if (NoIdentities(identities, query))
        {
            yield break;
        }

        AthenaStatement statement = AthenaBounceQuery.Render(query, identities, target);
        _sink.Verbose($"Reading the bounces of {identities.Count} identities over {query.Days.DayCount} days from {target.QualifiedTable}.");
        await foreach (AthenaRow row in _runner.RunAsync(statement, target.WorkGroup, target.Database, cancellationToken).ConfigureAwait(false))
        {
            yield return AthenaBounceQuery.Read(row);
        }
    }

    /// <summary>
    /// Typed events of the query's types, optionally of given messages, ordered by day, identity and time; built from
    /// the lines as SES wrote them, so they equal the events a local store gives.
    /// </summary>
    public async IAsyncEnumerable<SesEvent> EventsAsync(AthenaTarget target, EventQuery query, IReadOnlyList<string> messageIds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new EventLineReader(query, _sink);
        IReadOnlyList<string> identities = await Identities.ResolveAsync(query.Identities, cancellationToken).ConfigureAwait(false);
        if (NoIdentities(identities, query))
        {
            yield break;
        }

        AthenaStatement statement = AthenaEventsQuery.Render(query, messageIds, identities, target);
        _sink.Verbose($"Reading the events of {identities.Count} identities over {query.Days.DayCount} days from {target.QualifiedLinesTable}.");
        await foreach (AthenaRow row in _runner.RunAsync(statement, target.WorkGroup, target.Database, cancellationToken).ConfigureAwait(false))
        {
            (string identity, DateOnly day, string? line) = AthenaEventsQuery.Read(row);
            if (reader.Read(line ?? string.Empty, identity, day) is { } evt)
            {
                yield return evt;
            }
        }
    }

    /// <summary>One summary per identity and day, or with <paramref name="total"/> one per identity over the whole range.</summary>
    public async IAsyncEnumerable<EventSummary> SummariesAsync(AthenaTarget target, EventQuery query, bool total, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IReadOnlyList<string> identities = await Identities.ResolveAsync(query.Identities, cancellationToken).ConfigureAwait(false);
        if (NoIdentities(identities, query))
        {
            yield break;
        }

        AthenaStatement statement = AthenaSummaryQuery.Render(query, identities, target);
        _sink.Verbose($"Counting the events of {identities.Count} identities over {query.Days.DayCount} days in {target.QualifiedTable}.");
        IAsyncEnumerable<PartitionCounts> counts = AthenaSummaryQuery.ReadAsync(_runner.RunAsync(statement, target.WorkGroup, target.Database, cancellationToken));
        if (total)
        {
            var all = new List<PartitionCounts>();
            await foreach (PartitionCounts partition in counts.ConfigureAwait(false))
            {
                all.Add(partition);
            }

            foreach (EventSummary summary in EventSummary.Totals(all, query.Days))
            {
                yield return summary;
            }

            yield break;
        }

        await foreach (PartitionCounts partition in counts.ConfigureAwait(false))
        {
            yield return EventSummary.ForDay(partition);
        }
    }

    /// <summary>
    /// The rows of another question's statement over the stack's tables, rendered for the identities the query's
    /// patterns match; no rows, and no query, when none matches.
    /// </summary>
    public async IAsyncEnumerable<AthenaRow> RowsAsync(
        AthenaTarget target,
        EventQuery query,
        Func<IReadOnlyList<string>, AthenaStatement> render,
        string question,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IReadOnlyList<string> identities = await Identities.ResolveAsync(query.Identities, cancellationToken).ConfigureAwait(false);
        if (NoIdentities(identities, query))
        {
            yield break;
        }

        _sink.Verbose($"{question} of {identities.Count} identities over {query.Days.DayCount} days in {target.QualifiedTable}.");
        await foreach (AthenaRow row in _runner.RunAsync(render(identities), target.WorkGroup, target.Database, cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <summary>Any statement, its <c>?</c> placeholders filled from <paramref name="parameters"/>, rows typed by column.</summary>
    public async IAsyncEnumerable<AthenaRecord> RunAsync(
        string sql,
        IReadOnlyList<object?> parameters,
        string workGroup,
        string? database,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var statement = new AthenaStatement(sql, parameters.Select(AthenaParameters.Literal).ToList());
        await foreach (AthenaRow row in _runner.RunAsync(statement, AthenaTarget.CheckWorkGroup(workGroup), database, cancellationToken).ConfigureAwait(false))
        {
            yield return AthenaRecord.From(row);
        }
    }

    /// <summary>Nothing to ask Athena when the bucket holds no matching identity: no query, no cost.</summary>
    private bool NoIdentities(IReadOnlyList<string> identities, EventQuery query)
    {
        if (identities.Count > 0)
        {
            return false;
        }

        _sink.Verbose($"No sender identity in the bucket matches {(query.Identities.Count == 0 ? "(any)" : string.Join(", ", query.Identities))}; Athena was not asked.");
        return true;
    }

    private IIdentitySource Identities =>
        _identities ?? throw new InvalidOperationException("These queries were built without an identity source.");
}
