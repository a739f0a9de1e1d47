using System.Runtime.CompilerServices;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Objects;

/// <summary>
/// Lists event objects by prefix, never by scanning the bucket: the identity folders under <c>partitioned/</c> (one
/// delimited listing), then one day prefix per wanted identity, event type and day.
/// </summary>
public sealed class EventObjectLister(IS3Client s3, IOutputSink sink)
{
    public async IAsyncEnumerable<EventObject> ListAsync(EventObjectSelection selection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<string> identities = await BucketIdentities.ListAsync(s3, selection.BucketName, selection.Identities, cancellationToken).ConfigureAwait(false);
        foreach (DateOnly day in selection.Days.Days)
        {
            foreach (string identity in identities)
            {
                foreach (SesEventType type in selection.EventTypes)
                {
                    string prefix = EventObjectKey.DayPrefix(identity, type, day);
                    sink.Verbose($"Listing s3://{selection.BucketName}/{prefix}");
                    await foreach (S3ObjectSummary summary in s3.ListObjectsAsync(selection.BucketName, prefix, cancellationToken).ConfigureAwait(false))
                    {
                        if (EventObjectKey.Parse(selection.BucketName, summary) is { } item)
                        {
                            yield return item;
                        }
                    }
                }
            }
        }
    }
}
