using SesAnalytics.Engine.Aws.Firehose.Model;

namespace SesAnalytics.Engine.Aws.Firehose;

/// <summary>The Kinesis Data Firehose operations SesAnalytics uses; an official client can stand behind it one day.</summary>
public interface IFirehoseClient
{
    Task<DeliveryStreamDescription> DescribeDeliveryStreamAsync(DescribeDeliveryStreamRequest request, CancellationToken cancellationToken);

    Task<ListDeliveryStreamsResponse> ListDeliveryStreamsAsync(ListDeliveryStreamsRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Sends <paramref name="records"/> in as many PutRecordBatch calls as the limits need (500 records, 4 MiB) and
    /// sends again only the records Firehose reported failed, until the attempt limit; one result per input record.
    /// </summary>
    Task<IReadOnlyList<RecordResult>> PutRecordsAsync(string deliveryStreamName, IReadOnlyList<byte[]> records, CancellationToken cancellationToken);
}
