using System.Management.Automation;
using SesAnalytics.Engine.Aws.Athena;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Objects;
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

    /// <summary>The bucket whose identities -Identity patterns are matched against; default: the work group's result bucket.</summary>
    [Parameter(ParameterSetName = CloudSet)]
    [ValidateNotNullOrEmpty]
    public string? BucketName { get; set; }

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

    /// <summary>Athena queries on this invocation's context, identities listed from the bucket; the caller disposes the clients.</summary>
    protected (AthenaQueries Queries, IDisposable Clients) CreateAthenaQueries()
    {
        var http = new AwsHttpClient(ClientOptions(AwsService.Athena));
        var athena = new AthenaClient(http);
        S3Client s3 = CreateS3Client();
        string? bucket = BucketName;
        var identities = new BucketIdentities(s3, token => bucket is not null ? Task.FromResult(bucket) : WorkGroupBucket.FindAsync(athena, WorkGroup, token));
        return (new AthenaQueries(athena, identities, Sink), new Clients(http, s3));
    }

    private sealed class Clients(IDisposable http, IDisposable s3) : IDisposable
    {
        public void Dispose()
        {
            http.Dispose();
            s3.Dispose();
        }
    }
}
