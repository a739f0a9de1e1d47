using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Stack;

/// <summary>The delivery stream, deploying <see cref="FirehoseLayout"/> as it is: the same query, prefixes and parser.</summary>
internal static class FirehoseResources
{
    /// <summary>How long Firehose retries a failed S3 put of a partitioned batch before it goes to the error prefix.</summary>
    public const int PartitioningRetrySeconds = 300;

    public static CfnMap DeliveryStream(TemplateOptions options)
    {
        var destination = new CfnMap
        {
            { "BucketARN", Fn.GetAtt(LogicalIds.Bucket, "Arn") },
            { "RoleARN", Fn.GetAtt(LogicalIds.DeliveryRole, "Arn") },
            { "BufferingHints", new CfnMap { { "IntervalInSeconds", options.BufferIntervalSeconds }, { "SizeInMBs", options.BufferSizeMB } } },
            { "CompressionFormat", "GZIP" },
            { "Prefix", FirehoseLayout.Prefix },
            { "ErrorOutputPrefix", FirehoseLayout.ErrorOutputPrefix },
            {
                "CloudWatchLoggingOptions", new CfnMap
                {
                    { "Enabled", true },
                    { "LogGroupName", Fn.Ref(LogicalIds.LogGroup) },
                    { "LogStreamName", Fn.Ref(LogicalIds.LogStream) },
                }
            },
            {
                "DynamicPartitioningConfiguration", new CfnMap
                {
                    { "Enabled", true },
                    { "RetryOptions", new CfnMap { { "DurationInSeconds", PartitioningRetrySeconds } } },
                }
            },
            {
                "ProcessingConfiguration", new CfnMap
                {
                    { "Enabled", true },
                    {
                        "Processors", new List<object>
                        {
                            new CfnMap
                            {
                                { "Type", "MetadataExtraction" },
                                {
                                    "Parameters", new List<object>
                                    {
                                        Parameter("MetadataExtractionQuery", FirehoseLayout.MetadataExtractionQuery),
                                        Parameter("JsonParsingEngine", FirehoseLayout.JsonParsingEngine),
                                    }
                                },
                            },
                        }
                    },
                }
            },
        };
        if (options.KmsKeyArn is not null)
        {
            destination.Add("EncryptionConfiguration", new CfnMap { { "KMSEncryptionConfig", new CfnMap { { "AWSKMSKeyARN", options.KmsKeyArn } } } });
        }

        var properties = new CfnMap
        {
            { "DeliveryStreamName", Fn.Sub(StackLayout.DeliveryStreamNameSub) },
            { "DeliveryStreamType", "DirectPut" },
            { "DeliveryStreamEncryptionConfigurationInput", StreamEncryption(options) },
            { "ExtendedS3DestinationConfiguration", destination },
        };
        properties.AddIfPresent("Tags", Tagging.TagList(options));
        return new CfnMap { { "Type", "AWS::KinesisFirehose::DeliveryStream" }, { "Properties", properties } };
    }

    private static CfnMap StreamEncryption(TemplateOptions options) => options.KmsKeyArn is null
        ? new CfnMap { { "KeyType", "AWS_OWNED_CMK" } }
        : new CfnMap { { "KeyType", "CUSTOMER_MANAGED_CMK" }, { "KeyARN", options.KmsKeyArn } };

    private static CfnMap Parameter(string name, string value) => new() { { "ParameterName", name }, { "ParameterValue", value } };
}
