using System.Runtime.CompilerServices;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Objects;

/// <summary>
/// Lists event objects by prefix, never by scanning the bucket: the identity folders under <c>partitioned/</c> (one
/// delimited listing), then one day prefix per wanted identity, event type and day. A month of ten types for a few
/// identities is a thousand prefixes, so several are listed at once and progress counts them; objects still come in
/// the order of day, identity and event type. A key with a '.' or '..' segment, which Firehose never writes for SES's
/// identities, is a sign that something else writes to the bucket: each is named in a warning, whether it fits the
/// layout (and is listed, to be saved inside the store with the segment encoded) or not (and is skipped).
/// </summary>
public sealed class EventObjectLister(IS3Client s3, IOutputSink sink)
{
    private const int ProgressId = 2;
    private const string Activity = "Listing SES event objects";

    /// <summary>LIST calls in flight: each is mostly waiting for S3.</summary>
    private const int ListsInFlight = 8;

    private const string Layout = "partitioned/<identity>/<EventType>/yyyy/MM/dd/<file>";

    public async IAsyncEnumerable<EventObject> ListAsync(EventObjectSelection selection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<string> identities = await BucketIdentities.ListAsync(s3, selection.BucketName, selection.Identities, cancellationToken).ConfigureAwait(false);
        List<string> prefixes =
        [
            .. from day in selection.Days.Days
               from identity in identities
               from type in selection.EventTypes
               select EventObjectKey.DayPrefix(identity, type, day),
        ];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listing = new Queue<Task<List<EventObject>>>();
        int started = 0;
        try
        {
            for (int done = 0; done < prefixes.Count; done++)
            {
                while (started < prefixes.Count && listing.Count < ListsInFlight)
                {
                    listing.Enqueue(ListPrefixAsync(selection.BucketName, prefixes[started++], stop.Token));
                }

                sink.Progress(new ProgressReport(ProgressId, Activity, $"{done} of {prefixes.Count} prefixes listed", done * 100 / prefixes.Count, prefixes[done]));
                foreach (EventObject item in await listing.Dequeue().ConfigureAwait(false))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            // The caller stopped early or a listing failed: end the ones still running.
            stop.Cancel();
            foreach (Task<List<EventObject>> task in listing)
            {
                try
                {
                    await task.ConfigureAwait(false);
                }
                catch (Exception error) when (error is OperationCanceledException or Errors.SesAnalyticsException)
                {
                    // Nobody waits for these objects any more.
                }
            }
        }

        sink.Progress(new ProgressReport(ProgressId, Activity, $"{prefixes.Count} of {prefixes.Count} prefixes listed", 100, Completed: true));
    }

    private async Task<List<EventObject>> ListPrefixAsync(string bucketName, string prefix, CancellationToken cancellationToken)
    {
        sink.Verbose($"Listing s3://{bucketName}/{prefix}");
        var objects = new List<EventObject>();
        await foreach (S3ObjectSummary summary in s3.ListObjectsAsync(bucketName, prefix, cancellationToken).ConfigureAwait(false))
        {
            EventObject? item = EventObjectKey.Parse(bucketName, summary);
            if (HasDotSegment(summary.Key))
            {
                sink.Warning(item is null
                    ? $"Skipped the key '{summary.Key}' of the bucket '{bucketName}': it has a '..' or '.' segment and does not fit {Layout}. Firehose writes no such key, so something other than the SES event pipeline may write to this bucket; check who can."
                    : $"The key '{summary.Key}' of the bucket '{bucketName}' has a '..' or '.' segment, which Firehose does not write for SES's identities: something other than the SES event pipeline may write to this bucket; check who can. It is listed as it is, and saved inside the store with the segment encoded (%2E).");
            }

            if (item is not null)
            {
                objects.Add(item);
            }
        }

        return objects;
    }

    private static bool HasDotSegment(string key) => key.Split('/').Any(segment => segment is "." or "..");
}
