using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Stack;

namespace SesAnalytics.Engine.Tests.Stack;

public sealed class TemplateOptionsValidatorTests
{
    public static TheoryData<string, TemplateOptions, string> InvalidOptions() => new()
    {
        { "RetentionDaysOutOfRange", new TemplateOptions { RetentionDays = 0 }, "between 1 and 3650" },
        { "RetentionDaysOutOfRange", new TemplateOptions { RetentionDays = 3651 }, "between 1 and 3650" },
        { "BufferIntervalSecondsOutOfRange", new TemplateOptions { BufferIntervalSeconds = 59 }, "between 60 and 900" },
        { "BufferIntervalSecondsOutOfRange", new TemplateOptions { BufferIntervalSeconds = 901 }, "between 60 and 900" },
        { "BufferSizeMBOutOfRange", new TemplateOptions { BufferSizeMB = 5 }, "between 64 and 128" },
        { "BufferSizeMBOutOfRange", new TemplateOptions { BufferSizeMB = 129 }, "between 64 and 128" },
        { "InvalidBucketName", new TemplateOptions { BucketName = "ab" }, "3-63 characters" },
        { "InvalidBucketName", new TemplateOptions { BucketName = "My-Bucket" }, "lowercase" },
        { "InvalidBucketName", new TemplateOptions { BucketName = "-bucket" }, "start and end" },
        { "InvalidBucketName", new TemplateOptions { BucketName = "my..bucket" }, "adjacent dots" },
        { "InvalidBucketName", new TemplateOptions { BucketName = "192.168.5.4" }, "IP address" },
        { "InvalidBucketName", new TemplateOptions { BucketName = "xn--bucket" }, "xn--" },
        { "InvalidBucketName", new TemplateOptions { BucketName = "bucket-s3alias" }, "-s3alias" },
        { "InvalidBucketName", new TemplateOptions { BucketName = new string('a', 64) }, "3-63 characters" },
        { "InvalidKmsKeyArn", new TemplateOptions { KmsKeyArn = "1234abcd-12ab-34cd-56ef-1234567890ab" }, "KMS key ARN" },
        { "InvalidKmsKeyArn", new TemplateOptions { KmsKeyArn = "arn:aws:s3:::bucket" }, "KMS key ARN" },
        { "InvalidConfigurationSetName", new TemplateOptions { ConfigurationSetNames = ["bad name"] }, "1-64 letters" },
        { "InvalidDatabaseName", new TemplateOptions { DatabaseName = "Ses-Analytics" }, "lowercase letters, digits and underscores" },
        { "InvalidTableName", new TemplateOptions { TableName = "" }, "Glue table name" },
        { "InvalidTableName", new TemplateOptions { TableName = new string('t', 250) }, "at most 249" },
        { "InvalidWorkGroupName", new TemplateOptions { WorkGroupName = "has space" }, "work group name" },
        { "BytesScannedCutoffPerQueryOutOfRange", new TemplateOptions { BytesScannedCutoffPerQuery = 9_999_999 }, "at least 10,000,000" },
        { "InvalidTagKey", new TemplateOptions { Tags = new Dictionary<string, string> { ["aws:owner"] = "x" } }, "aws:" },
        { "InvalidTagKey", new TemplateOptions { Tags = new Dictionary<string, string> { ["cost(center)"] = "x" } }, "_ . : / = + - @" },
        { "InvalidTagValue", new TemplateOptions { Tags = new Dictionary<string, string> { ["Name"] = "SES events (prod)" } }, "_ . : / = + - @" },
        { "InvalidTagValue", new TemplateOptions { Tags = new Dictionary<string, string> { ["owner"] = "mail;ops" } }, "0-256 letters" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidOptionsAreRefusedWithAnIdNamingTheOption(string errorId, TemplateOptions options, string message)
    {
        InvalidInputException error = Assert.Throws<InvalidInputException>(() => TemplateBuilder.Build(options));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my-ses-events")]
    [InlineData("logs.example.com")]
    [InlineData("a1b")]
    public void ValidBucketNamesPass(string name) => Assert.Null(TemplateOptionsValidator.BucketNameProblem(name));

    [Fact]
    public void LimitsAreAccepted()
    {
        TemplateBuilder.Build(new TemplateOptions { RetentionDays = 1, BufferIntervalSeconds = 60, BufferSizeMB = 64, BytesScannedCutoffPerQuery = 10_000_000 });
        TemplateBuilder.Build(new TemplateOptions { RetentionDays = 3650, BufferIntervalSeconds = 900, BufferSizeMB = 128, KmsKeyArn = "arn:aws-cn:kms:cn-north-1:111122223333:alias/ses" });
    }

    [Fact]
    public void AnAliasArnIsAcceptedWithAWarning()
    {
        Assert.Empty(TemplateBuilder.Build(TemplateFixture.Full).Warnings);

        CloudFormationTemplate template = TemplateBuilder.Build(new TemplateOptions { KmsKeyArn = "arn:aws:kms:us-east-1:111122223333:alias/ses" });

        Assert.Contains("key ARN", Assert.Single(template.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameOptionsGiveTheSameText()
    {
        Assert.Equal(TemplateBuilder.Build(TemplateFixture.Full).ToYaml(), TemplateBuilder.Build(TemplateFixture.Full with { }).ToYaml());
        Assert.Equal(TemplateBuilder.Build(new TemplateOptions()).ToJson(), TemplateBuilder.Build(new TemplateOptions()).ToJson());
    }

    [Fact]
    public void NoResourceIsNamedSoCapabilityIamIsEnough()
    {
        string json = TemplateBuilder.Build(TemplateFixture.Full).ToJson();

        Assert.DoesNotContain("\"RoleName\"", json, StringComparison.Ordinal);
        Assert.Equal(["CAPABILITY_IAM"], CloudFormationTemplate.Capabilities);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(40, 60)]
    [InlineData(365, 365)]
    [InlineData(3650, 3653)]
    public void TheLogRetentionIsTheFirstAllowedValueCoveringTheData(int retentionDays, int logDays) =>
        Assert.Equal(logDays, StackLayout.LogRetentionFor(retentionDays));
}
