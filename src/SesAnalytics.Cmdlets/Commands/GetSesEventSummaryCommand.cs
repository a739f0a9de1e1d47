using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Query;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Counts the events of a local event store per identity and day, with bounce and complaint rates.</summary>
[Cmdlet(VerbsCommon.Get, "SesEventSummary")]
[OutputType(typeof(EventSummary))]
public sealed class GetSesEventSummaryCommand : AsyncCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Identity { get; set; }

    [Parameter]
    public DateTime? From { get; set; }

    [Parameter]
    public DateTime? To { get; set; }

    [Parameter]
    public SwitchParameter Total { get; set; }

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        string store = GetUnresolvedProviderPathFromPSPath(Path);
        EventQuery query = EventQuery.AllEvents(DayRange.Resolve(From, To, DateTime.UtcNow), Identity);
        foreach (EventSummary summary in LocalStoreQueries.Summaries(store, query, Total.IsPresent, Sink, cancellationToken))
        {
            Emit(summary);
        }

        return Task.CompletedTask;
    }
}
