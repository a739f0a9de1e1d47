using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Query;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Lists bounced recipients, one object per recipient (the article's bounce query), from a local store or with Athena.</summary>
[Cmdlet(VerbsCommon.Get, "SesBounce", DefaultParameterSetName = PathSet, HelpUri = OnlineHelp.Docs + "Get-SesBounce.md")]
[OutputType("SesAnalytics.BounceRecord")]
public sealed class GetSesBounceCommand : EventQueryCmdlet
{
    [Parameter]
    [ValidateSet("Permanent", "Transient", "Undetermined")]
    public string[]? BounceType { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Recipient { get; set; }

    /// <summary>
    /// A store's bounces are read on PowerShell's thread, each written as it is read: DuckDB's threads read ahead, and a
    /// worker thread of ours in between only handed every object over (a queue, a wake-up, a spinning wait).
    /// </summary>
    protected override bool ProcessesRecordInline => !InCloud;

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken) =>
        AskForEachInputAsync(() => AskAsync(cancellationToken));

    private async Task AskAsync(CancellationToken cancellationToken)
    {
        EventQuery query = EventQuery.Bounces(Days, Identity, BounceType, Recipient);
        if (InCloud)
        {
            (var queries, var target, IDisposable clients) = await CreateAthenaQueriesAsync(cancellationToken).ConfigureAwait(false);
            using (clients)
            {
                await foreach (BounceRecord cloudRecord in queries.BouncesAsync(target, query, cancellationToken).ConfigureAwait(false))
                {
                    Emit(cloudRecord);
                }
            }

            return;
        }

        EmitEach(LocalStoreQueries.Bounces(StorePath, query, Sink, cancellationToken));
    }

    // The loop of a row in a method of its own, not in the state machine of AskAsync: a session's first query then
    // compiles a small loop on the fly instead of the whole state machine (cloud path included) once it runs long.
    private void EmitEach(IEnumerable<BounceRecord> records)
    {
        foreach (BounceRecord record in records)
        {
            Emit(record);
        }
    }
}
