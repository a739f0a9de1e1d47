using System.Management.Automation;
using SesAnalytics.Engine.Aws.Athena;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Athena;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// The two places a question can be asked: a local store (-Path, DuckDB, no AWS) or the pipeline's Athena table
/// (-WorkGroup -Database -Table with the AWS parameters), with the filters every question shares.
/// </summary>
public abstract class EventQueryCmdlet : AwsCmdlet
{
    protected const string PathSet = "Path";
    protected const string CloudSet = "Cloud";

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

    protected bool InCloud => ParameterSetName == CloudSet;

    /// <summary>The store's file-system path, resolved on the pipeline thread.</summary>
    protected string StorePath { get; private set; } = string.Empty;

    protected AthenaTarget CloudTarget => new(WorkGroup, Database, Table);

    protected override bool RequiresAws => InCloud;

    /// <summary>-From and -To, defaulting to yesterday and today (UTC).</summary>
    protected DayRange Days => DayRange.Resolve(From, To, DateTime.UtcNow);

    protected override void PrepareRecord()
    {
        if (!InCloud)
        {
            StorePath = GetUnresolvedProviderPathFromPSPath(Path);
        }
    }

    /// <summary>Athena queries on this invocation's context; the caller disposes the returned HTTP client.</summary>
    protected (AthenaQueries Queries, IDisposable Http) CreateAthenaQueries()
    {
        var http = new AwsHttpClient(ClientOptions(AwsService.Athena));
        return (new AthenaQueries(new AthenaClient(http), ExplicitIdentities.Instance, Sink), http);
    }
}
