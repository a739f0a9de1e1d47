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

        foreach (BounceRecord record in LocalStoreQueries.Bounces(StorePath, query, Sink, cancellationToken))
        {
            Emit(record);
        }
    }
}
