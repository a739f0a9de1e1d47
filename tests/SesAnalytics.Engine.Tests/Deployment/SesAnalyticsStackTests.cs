using SesAnalytics.Engine.Deployment;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Tests.Deployment;

public sealed class SesAnalyticsStackTests
{
    [Fact]
    public void RequireBucketName_gives_the_bucket_output()
    {
        Assert.Equal("ses-events", Stack("ses-events").RequireBucketName());
    }

    [Fact]
    public void RequireBucketName_without_the_output_says_which_stack_and_what_to_give_instead()
    {
        var error = Assert.Throws<SesAnalyticsException>(() => Stack(bucketName: null).RequireBucketName());

        Assert.Equal("StackOutputsMissing", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Equal("ses-analytics", error.Target);
        Assert.Equal(
            "The stack 'ses-analytics' has no BucketName output (status CREATE_IN_PROGRESS). Wait for New-SesAnalyticsStack to complete, or give -BucketName.",
            error.Message);
    }

    private static SesAnalyticsStack Stack(string? bucketName) => new(
        "ses-analytics",
        "arn:aws:cloudformation:us-east-1:123456789012:stack/ses-analytics/1",
        "CREATE_IN_PROGRESS",
        null,
        "us-east-1",
        new DateTime(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc),
        null,
        BucketName: bucketName,
        DeliveryStreamName: null,
        DeliveryStreamArn: null,
        DeliveryRoleArn: null,
        SesRoleArn: null,
        GlueDatabase: null,
        GlueTable: null,
        GlueLinesTable: null,
        WorkGroup: null,
        Tags: new Dictionary<string, string>());
}
