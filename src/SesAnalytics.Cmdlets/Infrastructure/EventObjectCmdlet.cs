using System.Management.Automation;
using System.Runtime.CompilerServices;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Objects;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// The event objects a command selects: the bucket, named directly (-BucketName, declared by each command at its own
/// position) or by the stack that deployed it (-StackName, or the stack object from the pipeline), and the identities,
/// event types and UTC days to list.
/// </summary>
public abstract class EventObjectCmdlet : AwsCmdlet
{
    protected const string BucketSet = "BucketName";
    protected const string StackSet = "Stack";

    [Parameter(Mandatory = true, ParameterSetName = StackSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string StackName { get; set; } = string.Empty;

    [Parameter(ParameterSetName = BucketSet)]
    [Parameter(ParameterSetName = StackSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Identity { get; set; }

    [Parameter(ParameterSetName = BucketSet)]
    [Parameter(ParameterSetName = StackSet)]
    [SesEventTypeArgument]
    [ArgumentCompleter(typeof(SesEventTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? EventType { get; set; }

    [Parameter(ParameterSetName = BucketSet)]
    [Parameter(ParameterSetName = StackSet)]
    public DateTime? From { get; set; }

    [Parameter(ParameterSetName = BucketSet)]
    [Parameter(ParameterSetName = StackSet)]
    public DateTime? To { get; set; }

    /// <summary>The selected objects in <paramref name="bucketName"/>, or with -StackName in the bucket of the stack's outputs.</summary>
    protected async IAsyncEnumerable<EventObject> ListSelectedAsync(IS3Client s3, string bucketName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string bucket = ParameterSetName == StackSet
            ? (await GetStackAsync(StackName, cancellationToken).ConfigureAwait(false)).RequireBucketName()
            : bucketName;
        EventObjectSelection selection = EventObjectSelection.Create(bucket, Identity, SesEventTypeArgumentAttribute.ToTypes(EventType), From, To, Clock.UtcNow.UtcDateTime);
        await foreach (EventObject item in new EventObjectLister(s3, Sink).ListAsync(selection, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
