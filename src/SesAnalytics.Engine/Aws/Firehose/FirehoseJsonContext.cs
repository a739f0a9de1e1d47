using System.Text.Json.Serialization;
using SesAnalytics.Engine.Aws.Firehose.Model;

namespace SesAnalytics.Engine.Aws.Firehose;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DescribeDeliveryStreamRequest))]
[JsonSerializable(typeof(DescribeDeliveryStreamResponse))]
[JsonSerializable(typeof(ListDeliveryStreamsRequest))]
[JsonSerializable(typeof(ListDeliveryStreamsResponse))]
[JsonSerializable(typeof(PutRecordBatchRequest))]
[JsonSerializable(typeof(PutRecordBatchResponse))]
internal sealed partial class FirehoseJsonContext : JsonSerializerContext;
