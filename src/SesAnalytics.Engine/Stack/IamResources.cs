namespace SesAnalytics.Engine.Stack;

/// <summary>
/// The two roles, each with only what its service does: Firehose writes this bucket and its own log stream; SES puts
/// records into this stream and never touches S3.
/// </summary>
internal static class IamResources
{
    public static readonly IReadOnlyList<string> DeliveryS3Actions =
    [
        "s3:AbortMultipartUpload",
        "s3:GetBucketLocation",
        "s3:GetObject",
        "s3:ListBucket",
        "s3:ListBucketMultipartUploads",
        "s3:PutObject",
    ];

    public static CfnMap DeliveryRole(TemplateOptions options)
    {
        var statements = new List<CfnMap>
        {
            Policies.Allow("WriteEventBucket", DeliveryS3Actions, StorageResources.BucketAndObjects()),
            Policies.Allow("WriteDeliveryLog", ["logs:PutLogEvents"], LogStreamArn()),
        };
        if (options.KmsKeyArn is not null)
        {
            statements.Add(Policies.Allow(
                "EncryptEventObjects",
                ["kms:GenerateDataKey", "kms:Decrypt"],
                options.KmsKeyArn,
                new CfnMap
                {
                    { "StringEquals", new CfnMap { { "kms:ViaService", Fn.Sub("s3.${" + Fn.Region + "}.${" + Fn.UrlSuffix + "}") } } },
                    { "StringLike", new CfnMap { { "kms:EncryptionContext:aws:s3:arn", Fn.Sub("${" + LogicalIds.Bucket + ".Arn}/*") } } },
                }));
        }

        var trust = new CfnMap { { "StringEquals", new CfnMap { { "sts:ExternalId", Fn.Ref(Fn.AccountId) } } } };
        return Role(
            options,
            "Lets Kinesis Data Firehose write SES events to the bucket and its delivery log.",
            Policies.TrustService("firehose.amazonaws.com", trust),
            Policies.Inline("FirehoseDelivery", Policies.Document([.. statements])));
    }

    public static CfnMap SesRole(TemplateOptions options)
    {
        const string ConfigurationSetArn = "arn:${" + Fn.Partition + "}:ses:${" + Fn.Region + "}:${" + Fn.AccountId + "}:configuration-set/";
        var sourceAccount = new CfnMap { { "aws:SourceAccount", Fn.Ref(Fn.AccountId) } };
        var trust = new CfnMap();
        if (options.ConfigurationSetNames.Count > 0)
        {
            sourceAccount.Add("aws:SourceArn", options.ConfigurationSetNames.Select(name => (object)Fn.Sub(ConfigurationSetArn + name)).ToList());
            trust.Add("StringEquals", sourceAccount);
        }
        else
        {
            trust.Add("StringEquals", sourceAccount);
            trust.Add("ArnLike", new CfnMap { { "aws:SourceArn", Fn.Sub(ConfigurationSetArn + "*") } });
        }

        return Role(
            options,
            "Lets the SES configuration set's event destination put events into the delivery stream.",
            Policies.TrustService("ses.amazonaws.com", trust),
            Policies.Inline(
                "PutEventRecords",
                Policies.Document(Policies.Allow("PutEventRecords", ["firehose:PutRecord", "firehose:PutRecordBatch"], Fn.GetAtt(LogicalIds.DeliveryStream, "Arn")))));
    }

    public static CfnMap LogStreamArn() => Fn.Sub(
        "arn:${" + Fn.Partition + "}:logs:${" + Fn.Region + "}:${" + Fn.AccountId + "}:log-group:${" + LogicalIds.LogGroup + "}:log-stream:${" + LogicalIds.LogStream + "}");

    private static CfnMap Role(TemplateOptions options, string description, CfnMap trust, CfnMap policy)
    {
        var properties = new CfnMap
        {
            { "Description", description },
            { "AssumeRolePolicyDocument", trust },
            { "Policies", new List<object> { policy } },
        };
        properties.AddIfPresent("Tags", Tagging.TagList(options));
        return new CfnMap { { "Type", "AWS::IAM::Role" }, { "Properties", properties } };
    }
}
