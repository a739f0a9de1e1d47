using SesAnalytics.Engine.Aws.Firehose.Model;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.Protocol;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Aws.Firehose;

/// <summary>Kinesis Data Firehose over awsJson1_1 (<c>Firehose_20150804</c>).</summary>
public sealed class FirehoseClient : IFirehoseClient
{
    public const string TargetPrefix = "Firehose_20150804";
    public const int MaxRecordsPerBatch = 500;
    public const int MaxBytesPerBatch = 4 * 1024 * 1024;
    public const int MaxRecordBytes = 1_024_000;

    private readonly AwsJsonProtocol _protocol;

    public FirehoseClient(AwsHttpClient http)
    {
        _protocol = new AwsJsonProtocol(http, TargetPrefix);
    }

    public async Task<DeliveryStreamDescription> DescribeDeliveryStreamAsync(DescribeDeliveryStreamRequest request, CancellationToken cancellationToken)
    {
        DescribeDeliveryStreamResponse response = await _protocol.InvokeAsync(
            "DescribeDeliveryStream",
            request,
            FirehoseJsonContext.Default.DescribeDeliveryStreamRequest,
            FirehoseJsonContext.Default.DescribeDeliveryStreamResponse,
            idempotent: true,
            cancellationToken).ConfigureAwait(false);
        return response.DeliveryStreamDescription;
    }

    public Task<ListDeliveryStreamsResponse> ListDeliveryStreamsAsync(ListDeliveryStreamsRequest request, CancellationToken cancellationToken) =>
        _protocol.InvokeAsync(
            "ListDeliveryStreams",
            request,
            FirehoseJsonContext.Default.ListDeliveryStreamsRequest,
            FirehoseJsonContext.Default.ListDeliveryStreamsResponse,
            idempotent: true,
            cancellationToken);

    public async Task<IReadOnlyList<RecordResult>> PutRecordsAsync(string deliveryStreamName, IReadOnlyList<byte[]> records, CancellationToken cancellationToken)
    {
        for (int i = 0; i < records.Count; i++)
        {
            if (records[i].Length > MaxRecordBytes)
            {
                throw new InvalidInputException(
                    "FirehoseRecordTooLarge",
                    $"Record {i} for delivery stream '{deliveryStreamName}' has {records[i].Length} bytes; Firehose takes at most {MaxRecordBytes}. Split or shrink it.",
                    deliveryStreamName);
            }
        }

        var results = new RecordResult[records.Count];
        foreach (List<int> batch in Batches(records))
        {
            await PutBatchAsync(deliveryStreamName, records, batch, results, cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    private static IEnumerable<List<int>> Batches(IReadOnlyList<byte[]> records)
    {
        var batch = new List<int>();
        long bytes = 0;
        for (int i = 0; i < records.Count; i++)
        {
            if (batch.Count == MaxRecordsPerBatch || (batch.Count > 0 && bytes + records[i].Length > MaxBytesPerBatch))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }

            batch.Add(i);
            bytes += records[i].Length;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>
    /// PutRecordBatch is not idempotent (a resent record is delivered twice), so the HTTP layer retries it only when
    /// throttled; records that Firehose itself reports failed were not accepted, so only those are sent again.
    /// </summary>
    private async Task PutBatchAsync(string deliveryStreamName, IReadOnlyList<byte[]> records, List<int> batch, RecordResult[] results, CancellationToken cancellationToken)
    {
        AwsClientOptions options = _protocol.Options;
        List<int> pending = batch;
        for (int attempt = 1; pending.Count > 0; attempt++)
        {
            var request = new PutRecordBatchRequest(deliveryStreamName, pending.Select(i => new FirehoseRecord(records[i])).ToList());
            PutRecordBatchResponse response = await _protocol.InvokeAsync(
                "PutRecordBatch",
                request,
                FirehoseJsonContext.Default.PutRecordBatchRequest,
                FirehoseJsonContext.Default.PutRecordBatchResponse,
                idempotent: false,
                cancellationToken).ConfigureAwait(false);
            if (response.RequestResponses.Count != pending.Count)
            {
                throw new SesAnalyticsException(
                    "FirehoseResponseMismatch",
                    ErrorKind.InvalidData,
                    $"Firehose answered PutRecordBatch for '{deliveryStreamName}' with {response.RequestResponses.Count} entries for {pending.Count} records, " +
                    "so it is unknown which records arrived. Check the stream before sending again.",
                    deliveryStreamName);
            }

            var failed = new List<int>();
            for (int k = 0; k < pending.Count; k++)
            {
                PutRecordBatchResponseEntry entry = response.RequestResponses[k];
                int index = pending[k];
                results[index] = new RecordResult(index, entry.RecordId, entry.ErrorCode, entry.ErrorMessage, attempt);
                if (entry.ErrorCode is not null)
                {
                    failed.Add(index);
                }
            }

            if (failed.Count == 0 || attempt >= options.MaxAttempts)
            {
                return;
            }

            pending = failed;
            await Task.Delay(options.Backoff(attempt - 1), options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
