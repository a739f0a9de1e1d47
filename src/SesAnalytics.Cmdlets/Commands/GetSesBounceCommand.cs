using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Query;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Lists bounced recipients from a local event store, one object per recipient (the article's bounce query).</summary>
[Cmdlet(VerbsCommon.Get, "SesBounce")]
[OutputType(typeof(BounceRecord))]
public sealed class GetSesBounceCommand : AsyncCmdlet
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
    [ValidateSet("Permanent", "Transient", "Undetermined")]
    public string[]? BounceType { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Recipient { get; set; }

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        string store = GetUnresolvedProviderPathFromPSPath(Path);
        EventQuery query = EventQuery.Bounces(DayRange.Resolve(From, To, DateTime.UtcNow), Identity, BounceType, Recipient);
        foreach (BounceRecord record in LocalStoreQueries.Bounces(store, query, Sink, cancellationToken))
        {
            Emit(record);
        }

        return Task.CompletedTask;
    }
}
