using System.Text.Json.Nodes;
using SesAnalytics.Engine.Stack;

namespace SesAnalytics.Engine.Tests.Stack;

/// <summary>Least privilege, checked on the resolved policies: every Allow names only this stack's own resources.</summary>
public sealed class PolicyTests
{
    [Theory]
    [MemberData(nameof(TemplateFixture.OptionSets), MemberType = typeof(TemplateFixture))]
    public void AllowStatementsNameOnlyThisStacksResourcesAndNoWildcardAction(string optionSet)
    {
        TemplateOptions options = TemplateFixture.Options(optionSet);
        JsonObject template = TemplateFixture.Json(options);
        string bucketArn = "arn:aws:s3:::" + TemplateFixture.BucketName(options);
        HashSet<string> ownResources =
        [
            bucketArn,
            bucketArn + "/*",
            $"arn:aws:firehose:{TemplateFixture.Region}:{TemplateFixture.Account}:deliverystream/{TemplateFixture.StackName}",
            $"arn:aws:logs:{TemplateFixture.Region}:{TemplateFixture.Account}:log-group:/aws/kinesisfirehose/{TemplateFixture.StackName}:log-stream:{StackLayout.LogStreamName}",
        ];
        if (options.KmsKeyArn is not null)
        {
            ownResources.Add(options.KmsKeyArn);
        }

        List<JsonObject> statements = PermissionStatements(template, options).ToList();
        Assert.NotEmpty(statements);
        foreach (JsonObject statement in statements.Where(s => (string)s["Effect"]! == "Allow"))
        {
            Assert.All(Strings(statement["Action"]), action => Assert.DoesNotContain("*", action, StringComparison.Ordinal));
            Assert.All(Strings(statement["Resource"]), resource => Assert.Contains(resource, ownResources));
            Assert.Null(statement["NotAction"]);
            Assert.Null(statement["NotResource"]);
        }

        // The only Deny is the TLS one. A Deny narrows what any grant allows, so its s3:* and Principal * take nothing away
        // from least privilege: they make the refusal cover every action and caller.
        JsonObject deny = Assert.Single(statements, s => (string)s["Effect"]! == "Deny");
        Assert.Equal("s3:*", (string)deny["Action"]!);
        Assert.Equal("false", (string)deny["Condition"]!["Bool"]!["aws:SecureTransport"]!);
        Assert.Equal([bucketArn, bucketArn + "/*"], Strings(deny["Resource"]));
    }

    [Fact]
    public void TheDeliveryRoleWritesOnlyTheBucketAndItsOwnLogStream()
    {
        TemplateOptions options = new();
        JsonObject role = TemplateFixture.Properties(TemplateFixture.Json(options), LogicalIds.DeliveryRole);
        List<JsonObject> statements = RoleStatements(role, options).ToList();

        JsonObject s3 = Assert.Single(statements, s => Strings(s["Action"]).Any(a => a.StartsWith("s3:", StringComparison.Ordinal)));
        Assert.Equal(
            ["s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:PutObject"],
            Strings(s3["Action"]).Order(StringComparer.Ordinal));
        JsonObject logs = Assert.Single(statements, s => Strings(s["Action"]).Contains("logs:PutLogEvents"));
        Assert.EndsWith(":log-stream:" + StackLayout.LogStreamName, Assert.Single(Strings(logs["Resource"])), StringComparison.Ordinal);
        Assert.DoesNotContain(statements, s => Strings(s["Action"]).Any(a => a.StartsWith("lambda:", StringComparison.Ordinal) || a.StartsWith("kms:", StringComparison.Ordinal)));
    }

    [Fact]
    public void WithAKeyTheDeliveryRoleUsesItOnlyThroughS3InItsOwnPartition()
    {
        JsonObject template = TemplateFixture.Json(TemplateFixture.Full);
        JsonObject kms = Assert.Single(
            RoleStatements(TemplateFixture.Properties(template, LogicalIds.DeliveryRole), TemplateFixture.Full),
            s => Strings(s["Action"]).Any(a => a.StartsWith("kms:", StringComparison.Ordinal)));

        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey"], Strings(kms["Action"]).Order(StringComparer.Ordinal));
        Assert.Equal(TemplateFixture.KeyArn, (string)kms["Resource"]!);
        Assert.Equal("s3.us-east-1.amazonaws.com", (string)kms["Condition"]!["StringEquals"]!["kms:ViaService"]!);
        // Unresolved, the suffix must come from the partition (amazonaws.com.cn in China), not be written out.
        string raw = TemplateBuilder.Build(TemplateFixture.Full).ToJson();
        Assert.Contains("s3.${AWS::Region}.${AWS::URLSuffix}", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSesRoleOnlyPutsRecordsIntoThisStream()
    {
        TemplateOptions options = new();
        JsonObject statement = Assert.Single(RoleStatements(TemplateFixture.Properties(TemplateFixture.Json(options), LogicalIds.SesRole), options));

        Assert.Equal(["firehose:PutRecord", "firehose:PutRecordBatch"], Strings(statement["Action"]));
        Assert.EndsWith(":deliverystream/" + TemplateFixture.StackName, (string)statement["Resource"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSesRoleTrustNamesTheAccountAndTheConfigurationSets()
    {
        JsonObject trust = Trust(TemplateFixture.Full, LogicalIds.SesRole);

        Assert.Equal("ses.amazonaws.com", (string)trust["Principal"]!["Service"]!);
        Assert.Equal(TemplateFixture.Account, (string)trust["Condition"]!["StringEquals"]!["aws:SourceAccount"]!);
        Assert.Equal(
            [$"arn:aws:ses:us-east-1:{TemplateFixture.Account}:configuration-set/marketing", $"arn:aws:ses:us-east-1:{TemplateFixture.Account}:configuration-set/transactional"],
            Strings(trust["Condition"]!["StringEquals"]!["aws:SourceArn"]));
        Assert.Contains("arn:${AWS::Partition}:ses:", TemplateBuilder.Build(TemplateFixture.Full).ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutConfigurationSetsTheSesRoleTrustsAnyOfTheAccountsSets()
    {
        JsonObject trust = Trust(new TemplateOptions(), LogicalIds.SesRole);

        Assert.Equal(TemplateFixture.Account, (string)trust["Condition"]!["StringEquals"]!["aws:SourceAccount"]!);
        Assert.Equal($"arn:aws:ses:us-east-1:{TemplateFixture.Account}:configuration-set/*", (string)trust["Condition"]!["ArnLike"]!["aws:SourceArn"]!);
    }

    [Fact]
    public void TheDeliveryRoleTrustCarriesTheAccountAsExternalId()
    {
        JsonObject trust = Trust(new TemplateOptions(), LogicalIds.DeliveryRole);

        Assert.Equal("firehose.amazonaws.com", (string)trust["Principal"]!["Service"]!);
        Assert.Equal(TemplateFixture.Account, (string)trust["Condition"]!["StringEquals"]!["sts:ExternalId"]!);
    }

    [Theory]
    [MemberData(nameof(TemplateFixture.OptionSets), MemberType = typeof(TemplateFixture))]
    public void EveryArnUsesThePartitionPseudoParameter(string optionSet)
    {
        TemplateOptions options = TemplateFixture.Options(optionSet);
        string json = TemplateBuilder.Build(options).ToJson();
        string withoutKey = options.KmsKeyArn is null ? json : json.Replace(options.KmsKeyArn, string.Empty, StringComparison.Ordinal);

        Assert.DoesNotContain("arn:aws:", withoutKey, StringComparison.Ordinal);
    }

    private static JsonObject Trust(TemplateOptions options, string role) => Assert.Single(
        TemplateFixture.Resolve(TemplateFixture.Properties(TemplateFixture.Json(options), role)["AssumeRolePolicyDocument"], options)!["Statement"]!.AsArray())!.AsObject();

    private static IEnumerable<JsonObject> PermissionStatements(JsonObject template, TemplateOptions options)
    {
        foreach (string role in new[] { LogicalIds.DeliveryRole, LogicalIds.SesRole })
        {
            foreach (JsonObject statement in RoleStatements(TemplateFixture.Properties(template, role), options))
            {
                yield return statement;
            }
        }

        JsonNode bucketPolicy = TemplateFixture.Resolve(TemplateFixture.Properties(template, LogicalIds.BucketPolicy)["PolicyDocument"], options)!;
        foreach (JsonNode? statement in bucketPolicy["Statement"]!.AsArray())
        {
            yield return statement!.AsObject();
        }
    }

    private static IEnumerable<JsonObject> RoleStatements(JsonObject role, TemplateOptions options) =>
        role["Policies"]!.AsArray()
            .SelectMany(policy => TemplateFixture.Resolve(policy!["PolicyDocument"], options)!["Statement"]!.AsArray())
            .Select(statement => statement!.AsObject());

    private static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray list => list.Select(item => (string)item!).ToList(),
        null => [],
        _ => [(string)node!],
    };
}
