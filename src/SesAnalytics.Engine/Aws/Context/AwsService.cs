namespace SesAnalytics.Engine.Aws.Context;

/// <summary>The AWS services the module calls, with the names their models give (botocore <c>metadata</c>).</summary>
public sealed record AwsService(string ServiceId, string EndpointPrefix, string SigningName)
{
    public static readonly AwsService Firehose = new("Firehose", "firehose", "firehose");
    public static readonly AwsService Athena = new("Athena", "athena", "athena");
    public static readonly AwsService CloudFormation = new("CloudFormation", "cloudformation", "cloudformation");
    public static readonly AwsService SesV2 = new("SESv2", "email", "ses");
    public static readonly AwsService S3 = new("S3", "s3", "s3");
    public static readonly AwsService Sts = new("STS", "sts", "sts");

    public static IReadOnlyList<AwsService> All { get; } = [Firehose, Athena, CloudFormation, SesV2, S3, Sts];

    /// <summary>The service's own endpoint variable, per the SDKs' shared configuration: <c>AWS_ENDPOINT_URL_SESV2</c>.</summary>
    public string EndpointVariable => "AWS_ENDPOINT_URL_" + ServiceId.ToUpperInvariant().Replace(' ', '_');
}
