using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Stack;

/// <summary>The bucket, its TLS-only policy, and the delivery stream's log group and stream.</summary>
internal static class StorageResources
{
    public static CfnMap Bucket(TemplateOptions options)
    {
        var properties = new CfnMap();
        properties.AddIfPresent("BucketName", options.BucketName);
        properties.Add("BucketEncryption", new CfnMap { { "ServerSideEncryptionConfiguration", new List<object> { EncryptionRule(options) } } });
        properties.Add("PublicAccessBlockConfiguration", new CfnMap
        {
            { "BlockPublicAcls", true },
            { "BlockPublicPolicy", true },
            { "IgnorePublicAcls", true },
            { "RestrictPublicBuckets", true },
        });
        properties.Add("OwnershipControls", new CfnMap { { "Rules", new List<object> { new CfnMap { { "ObjectOwnership", "BucketOwnerEnforced" } } } } });
        properties.Add("LifecycleConfiguration", new CfnMap { { "Rules", LifecycleRules(options) } });
        properties.AddIfPresent("Tags", Tagging.TagList(options));
        return new CfnMap
        {
            { "Type", "AWS::S3::Bucket" },
            // The events are the point of the stack: deleting or replacing it must never delete them.
            { "DeletionPolicy", "Retain" },
            { "UpdateReplacePolicy", "Retain" },
            { "Properties", properties },
        };
    }

    public static CfnMap BucketPolicy() => new()
    {
        { "Type", "AWS::S3::BucketPolicy" },
        {
            "Properties", new CfnMap
            {
                { "Bucket", Fn.Ref(LogicalIds.Bucket) },
                {
                    "PolicyDocument", Policies.Document(new CfnMap
                    {
                        { "Sid", "DenyInsecureTransport" },
                        { "Effect", "Deny" },
                        { "Principal", "*" },
                        { "Action", "s3:*" },
                        { "Resource", BucketAndObjects() },
                        { "Condition", new CfnMap { { "Bool", new CfnMap { { "aws:SecureTransport", "false" } } } } },
                    })
                },
            }
        },
    };

    public static CfnMap LogGroup(TemplateOptions options)
    {
        var properties = new CfnMap
        {
            { "LogGroupName", Fn.Sub(StackLayout.LogGroupPrefix + StackLayout.DeliveryStreamNameSub) },
            { "RetentionInDays", StackLayout.LogRetentionFor(options.RetentionDays) },
        };
        properties.AddIfPresent("Tags", Tagging.TagList(options));
        return new CfnMap
        {
            { "Type", "AWS::Logs::LogGroup" },
            // Deleted with the stack, unlike the bucket: it holds only Firehose's delivery diagnostics, which expire
            // anyway (the failed records themselves are kept under errors/ in the retained bucket), and its name comes
            // from the stack's, so a retained group would make creating a stack of the same name again fail.
            { "DeletionPolicy", "Delete" },
            { "UpdateReplacePolicy", "Delete" },
            { "Properties", properties },
        };
    }

    public static CfnMap LogStream() => new()
    {
        { "Type", "AWS::Logs::LogStream" },
        { "Properties", new CfnMap { { "LogGroupName", Fn.Ref(LogicalIds.LogGroup) }, { "LogStreamName", StackLayout.LogStreamName } } },
    };

    public static List<object> BucketAndObjects() => [Fn.GetAtt(LogicalIds.Bucket, "Arn"), Fn.Sub("${" + LogicalIds.Bucket + ".Arn}/*")];

    private static CfnMap EncryptionRule(TemplateOptions options)
    {
        if (options.KmsKeyArn is null)
        {
            return new CfnMap { { "ServerSideEncryptionByDefault", new CfnMap { { "SSEAlgorithm", "AES256" } } } };
        }

        return new CfnMap
        {
            { "ServerSideEncryptionByDefault", new CfnMap { { "SSEAlgorithm", "aws:kms" }, { "KMSMasterKeyID", options.KmsKeyArn } } },
            { "BucketKeyEnabled", true },
        };
    }

    private static List<object> LifecycleRules(TemplateOptions options)
    {
        var rules = new List<object>();
        foreach ((string id, string root) in new[]
        {
            ("ExpirePartitionedEvents", FirehoseLayout.PartitionedRoot),
            ("ExpireDeliveryErrors", FirehoseLayout.ErrorsRoot),
            ("ExpireAthenaResults", StackLayout.AthenaResultsRoot),
        })
        {
            rules.Add(new CfnMap { { "Id", id }, { "Status", "Enabled" }, { "Prefix", root + "/" }, { "ExpirationInDays", options.RetentionDays } });
        }

        rules.Add(new CfnMap
        {
            { "Id", "AbortIncompleteMultipartUploads" },
            { "Status", "Enabled" },
            { "AbortIncompleteMultipartUpload", new CfnMap { { "DaysAfterInitiation", 1 } } },
        });
        return rules;
    }
}
