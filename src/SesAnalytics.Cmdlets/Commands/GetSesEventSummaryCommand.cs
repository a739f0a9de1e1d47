using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Aws.Athena;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Athena;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Counts events per identity and day, with bounce and complaint rates, from a local store or with Athena.</summary>
[Cmdlet(VerbsCommon.Get, "SesEventSummary", DefaultParameterSetName = PathSet)]
[OutputType(typeof(EventSummary))]
public sealed class GetSesEventSummaryCommand : AwsCmdlet
{
    private const string PathSet = "Path";
    private const string CloudSet = "Cloud";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = CloudSet)]
    [ValidateNotNullOrEmpty]
    public string WorkGroup { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = CloudSet)]
    [ValidateNotNullOrEmpty]
    public string Database { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = CloudSet)]
    [ValidateNotNullOrEmpty]
    public string Table { get; set; } = string.Empty;

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

    protected override bool RequiresAws => ParameterSetName == CloudSet;

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        EventQuery query = EventQuery.AllEvents(DayRange.Resolve(From, To, DateTime.UtcNow), Identity);
        if (ParameterSetName == CloudSet)
        {
            var target = new AthenaTarget(WorkGroup, Database, Table);
            using var http = new AwsHttpClient(ClientOptions(AwsService.Athena));
            var queries = new AthenaQueries(new AthenaClient(http), ExplicitIdentities.Instance, Sink);
            await foreach (EventSummary cloudSummary in queries.SummariesAsync(target, query, Total.IsPresent, cancellationToken).ConfigureAwait(false))
            {
                Emit(cloudSummary);
            }

            return;
        }

        string store = GetUnresolvedProviderPathFromPSPath(Path);
        foreach (EventSummary summary in LocalStoreQueries.Summaries(store, query, Total.IsPresent, Sink, cancellationToken))
        {
            Emit(summary);
        }
    }
}
