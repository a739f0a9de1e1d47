using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Lists SES events of any of the ten types from a local event store, as typed objects.</summary>
[Cmdlet(VerbsCommon.Get, "SesEvent")]
[OutputType(typeof(SesEvent))]
public sealed class GetSesEventCommand : AsyncCmdlet
{
    private string _store = string.Empty;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Destination")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public SesEventType[]? EventType { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Identity { get; set; }

    [Parameter]
    public DateTime? From { get; set; }

    [Parameter]
    public DateTime? To { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Recipient { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[]? MessageId { get; set; }

    protected override void PrepareRecord() => _store = GetUnresolvedProviderPathFromPSPath(Path);

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        var query = new EventQuery(
            Identity ?? [],
            EventType?.Distinct().ToList() ?? SesEventTypes.All,
            DayRange.Resolve(From, To, DateTime.UtcNow),
            [],
            Recipient ?? []);
        foreach (SesEvent evt in LocalStoreQueries.Events(_store, query, MessageId ?? [], Sink, cancellationToken))
        {
            Emit(evt);
        }

        return Task.CompletedTask;
    }
}
