using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Aws.Athena;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Athena;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Lists bounced recipients, one object per recipient (the article's bounce query), from a local store or with Athena.</summary>
[Cmdlet(VerbsCommon.Get, "SesBounce", DefaultParameterSetName = PathSet)]
[OutputType(typeof(BounceRecord))]
public sealed class GetSesBounceCommand : AwsCmdlet
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
    [ValidateSet("Permanent", "Transient", "Undetermined")]
    public string[]? BounceType { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Recipient { get; set; }

    protected override bool RequiresAws => ParameterSetName == CloudSet;

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        EventQuery query = EventQuery.Bounces(DayRange.Resolve(From, To, DateTime.UtcNow), Identity, BounceType, Recipient);
        if (ParameterSetName == CloudSet)
        {
            var target = new AthenaTarget(WorkGroup, Database, Table);
            using var http = new AwsHttpClient(ClientOptions(AwsService.Athena));
            var queries = new AthenaQueries(new AthenaClient(http), ExplicitIdentities.Instance, Sink);
            await foreach (BounceRecord cloudRecord in queries.BouncesAsync(target, query, cancellationToken).ConfigureAwait(false))
            {
                Emit(cloudRecord);
            }

            return;
        }

        string store = GetUnresolvedProviderPathFromPSPath(Path);
        foreach (BounceRecord record in LocalStoreQueries.Bounces(store, query, Sink, cancellationToken))
        {
            Emit(record);
        }
    }
}
