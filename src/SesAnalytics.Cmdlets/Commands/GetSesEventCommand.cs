using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Lists SES events of any of the ten types, as typed objects, from a local store or with Athena.</summary>
[Cmdlet(VerbsCommon.Get, "SesEvent", DefaultParameterSetName = PathSet, HelpUri = OnlineHelp.Docs + "Get-SesEvent.md")]
[OutputType("SesAnalytics.SesEvent")]
public sealed class GetSesEventCommand : EventQueryCmdlet
{
    /// <summary>Message ids piped in, by the store or stack they were asked of, in order of arrival: asked at the end in one query each.</summary>
    private readonly List<(Place Place, HashSet<string>? MessageIds)> _deferred = [];

    [Parameter(Position = 1)]
    [SesEventTypeArgument]
    [ArgumentCompleter(typeof(SesEventTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? EventType { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Recipient { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[]? MessageId { get; set; }

    protected override bool ReadsEventLines => true;

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        var place = new Place(StorePath, StackName);
        if (!MyInvocation.ExpectingInput)
        {
            await ReadAsync(place, MessageId ?? [], cancellationToken).ConfigureAwait(false);
            return;
        }

        // One query per piped bounce would cost an Athena query (or a store scan) each: gather the ids instead.
        int index = _deferred.FindIndex(d => d.Place == place);
        if (index < 0)
        {
            _deferred.Add((place, MessageId is null ? null : new HashSet<string>(MessageId, StringComparer.Ordinal)));
        }
        else if (MessageId is null)
        {
            _deferred[index] = (place, null);
        }
        else
        {
            _deferred[index].MessageIds?.UnionWith(MessageId);
        }
    }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        foreach ((Place place, HashSet<string>? messageIds) in _deferred)
        {
            try
            {
                await ReadAsync(place, messageIds?.ToList() ?? [], cancellationToken).ConfigureAwait(false);
            }
            catch (SesAnalyticsException error) when (_deferred.Count > 1)
            {
                // Piped input named several stores or stacks: one that cannot be read is that input's error only.
                EmitError(error, place.StackName.Length > 0 ? place.StackName : place.StorePath);
            }
        }
    }

    private async Task ReadAsync(Place place, IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        var query = new EventQuery(Identity ?? [], SesEventTypeArgumentAttribute.ToTypes(EventType) ?? SesEventTypes.All, Days, [], Recipient ?? []);
        // A recipient's or message's story is told in time order across partitions; a listing streams partition by partition.
        bool story = query.Recipients.Count > 0 || messageIds.Count > 0;
        var events = new List<SesEvent>();
        void Take(SesEvent evt)
        {
            if (story)
            {
                events.Add(evt);
            }
            else
            {
                Emit(evt);
            }
        }

        if (InCloud)
        {
            (var queries, var target, IDisposable clients) = await CreateAthenaQueriesAsync(place.StackName, cancellationToken).ConfigureAwait(false);
            using (clients)
            {
                await foreach (SesEvent cloudEvent in queries.EventsAsync(target, query, messageIds, cancellationToken).ConfigureAwait(false))
                {
                    Take(cloudEvent);
                }
            }
        }
        else
        {
            foreach (SesEvent evt in LocalStoreQueries.Events(place.StorePath, query, messageIds, Sink, cancellationToken))
            {
                Take(evt);
            }
        }

        foreach (SesEvent evt in EventStory.InTimeOrder(events))
        {
            Emit(evt);
        }
    }

    /// <summary>Where a record's events are read: the store's path (-Path) or the stack (-StackName); the rest is fixed per call.</summary>
    private sealed record Place(string StorePath, string StackName);
}
