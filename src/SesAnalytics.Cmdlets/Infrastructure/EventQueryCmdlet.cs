using System.Management.Automation;
using SesAnalytics.Engine.Aws.Athena;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Deployment;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Objects;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// The places a question can be asked: a local store (-Path, DuckDB, no AWS) or the pipeline's Athena table, named by
/// the stack that deployed it (-StackName, or the stack object from the pipeline) or directly (-WorkGroup -Database
/// -Table), with the AWS parameters; and the filters every question shares.
/// </summary>
public abstract partial class EventQueryCmdlet : AwsCmdlet
{
    protected const string PathSet = "Path";
    protected const string CloudSet = "Cloud";
    protected const string StackSet = "Stack";

    /// <summary>The store, taken literally (no wildcards): text piped by value, a folder by its PSPath, a summary of
    /// Import- or Save-SesEventObject by its Destination.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Destination", "PSPath", "FullName", "LiteralPath")]
    [StorePathArgument]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = StackSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [StackNameArgument]
    [ValidateNotNullOrEmpty]
    public string StackName { get; set; } = string.Empty;

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
    [ArgumentCompleter(typeof(StoreIdentityCompleter))]
    public string[]? Identity { get; set; }

    [Parameter]
    public DateTime? From { get; set; }

    [Parameter]
    public DateTime? To { get; set; }

    protected bool InCloud => ParameterSetName is CloudSet or StackSet;

    /// <summary>The store's file-system path, resolved on the pipeline thread.</summary>
    protected string StorePath { get; private set; } = string.Empty;

    protected override bool RequiresAws => InCloud;

    /// <summary>Whether the command reads the stack's lines table, which stacks of earlier versions lack.</summary>
    protected virtual bool ReadsEventLines => false;

    /// <summary>-From and -To, defaulting to yesterday and today (UTC).</summary>
    protected DayRange Days => DayRange.Resolve(From, To, Clock.UtcNow.UtcDateTime);

    protected override void PrepareRecord()
    {
        base.PrepareRecord();
        if (!InCloud)
        {
            StorePath = GetUnresolvedProviderPathFromPSPath(Path);

            // Every question of a store is DuckDB's: it loads while the command starts and the store is searched.
            QueryRunner.OpenDatabaseEarly();
        }
    }

    /// <summary>
    /// Runs one record's question. With stores or stacks piped in, one that cannot be read (no store there, no such
    /// stack) is that input's error only, as a missing path is for Get-Content: the next one is still asked.
    /// </summary>
    protected async Task AskForEachInputAsync(Func<Task> ask)
    {
        try
        {
            await ask().ConfigureAwait(false);
        }
        catch (SesAnalyticsException error) when (MyInvocation.ExpectingInput)
        {
            EmitError(error, InCloud ? StackName : StorePath);
        }
    }

    /// <summary>
    /// Athena queries on this invocation's context and the table they read (from the stack's outputs with -StackName),
    /// identities listed from the event bucket; the caller disposes the clients.
    /// </summary>
    protected Task<(AthenaQueries Queries, AthenaTarget Target, IDisposable Clients)> CreateAthenaQueriesAsync(CancellationToken cancellationToken) =>
        CreateAthenaQueriesAsync(StackName, cancellationToken);

    /// <inheritdoc cref="CreateAthenaQueriesAsync(CancellationToken)"/>
    /// <param name="stackName">The stack, in the stack set: a piped one when the work was deferred to the end.</param>
    protected async Task<(AthenaQueries Queries, AthenaTarget Target, IDisposable Clients)> CreateAthenaQueriesAsync(string stackName, CancellationToken cancellationToken)
    {
        (AthenaTarget target, string? bucket) = ParameterSetName == StackSet
            ? await FromStackAsync(stackName, cancellationToken).ConfigureAwait(false)
            : (new AthenaTarget(WorkGroup, Database, Table), BucketName);
        var http = new AwsHttpClient(ClientOptions(AwsService.Athena));
        var athena = new AthenaClient(http);
        S3Client s3 = CreateS3Client();
        var identities = new BucketIdentities(s3, token => bucket is not null ? Task.FromResult(bucket) : WorkGroupBucket.FindAsync(athena, target.WorkGroup, token));
        return (new AthenaQueries(athena, identities, Sink), target, new Clients(http, s3));
    }

    private async Task<(AthenaTarget Target, string? Bucket)> FromStackAsync(string stackName, CancellationToken cancellationToken)
    {
        SesAnalyticsStack stack = await GetStackAsync(stackName, cancellationToken).ConfigureAwait(false);
        if (stack.WorkGroup is null || stack.GlueDatabase is null || stack.GlueTable is null)
        {
            throw stack.MissingOutputs("WorkGroup, GlueDatabase or GlueTable", "-WorkGroup, -Database and -Table");
        }

        if (ReadsEventLines && stack.GlueLinesTable is null)
        {
            throw stack.LacksLinesTable();
        }

        // A stack id is an ARN: arn:aws:cloudformation:<region>:<account>:stack/<name>/<id>.
        string? account = stack.StackId?.Split(':') is { Length: > 5 } arn && arn[4].Length > 0 ? arn[4] : null;
        return (new AthenaTarget(stack.WorkGroup, stack.GlueDatabase, stack.GlueTable, stack.GlueLinesTable) { Account = account }, stack.BucketName);
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
