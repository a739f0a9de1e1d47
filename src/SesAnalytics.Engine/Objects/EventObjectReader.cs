using System.Runtime.CompilerServices;
using SesAnalytics.Engine.Aws;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Select;

namespace SesAnalytics.Engine.Objects;

/// <summary>
/// Runs an S3 Select expression over event objects in S3: with SelectObjectContent while the account has S3 Select,
/// else over a streamed GetObject with the local evaluator, which gives the same records. One instance serves one
/// command invocation: the first "not available" answer warns once and sends every later object client-side too.
/// </summary>
public sealed class EventObjectReader(IS3Client s3, SelectQuery query, bool clientSide, IOutputSink sink)
{
    private bool _clientSide = clientSide;

    /// <summary>Each output record as compact JSON.</summary>
    public async IAsyncEnumerable<string> ReadAsync(string bucketName, string key, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!_clientSide)
        {
            await using IAsyncEnumerator<string> records = s3.SelectObjectContentAsync(bucketName, key, query.Text, sink, cancellationToken).GetAsyncEnumerator(cancellationToken);
            bool first = true;
            while (true)
            {
                bool more;
                try
                {
                    more = await records.MoveNextAsync().ConfigureAwait(false);
                }
                catch (AwsServiceException error) when (first && S3Errors.IsSelectUnavailable(error))
                {
                    _clientSide = true;
                    sink.Warning($"S3 Select is not available to this account ({error.ErrorCode}: {error.AwsMessage}); reading the objects with GetObject and evaluating the expression locally instead, with the same results. Use -ClientSide to skip the attempt.");
                    break;
                }

                if (!more)
                {
                    yield break;
                }

                first = false;
                yield return records.Current;
            }
        }

        sink.Verbose($"Reading s3://{bucketName}/{key} client-side with: {query.Text}");
        await using S3ObjectContent content = await s3.GetObjectAsync(bucketName, key, cancellationToken).ConfigureAwait(false);
        await using CancellationTokenRegistration abandon = cancellationToken.Register(content.Dispose);
        await foreach (string record in query.EvaluateAsync(content.Body, gzip: true, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

}
