using System.Text.Json.Nodes;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Stack;

namespace SesAnalytics.Engine.Tests.Stack;

/// <summary>One test per known defect of the article (../shared/origin/README.md): the template people copy repeats none.</summary>
public sealed class OriginDefectTests
{
    private static readonly TemplateOptions Options = new();
    private static readonly JsonObject Template = TemplateFixture.Json(Options);

    [Fact]
    public void TheFirehoseRoleMayWriteItsOwnLogAndTheSesRoleMayNot()
    {
        Assert.Contains("logs:PutLogEvents", Actions(LogicalIds.DeliveryRole));
        Assert.DoesNotContain(Actions(LogicalIds.SesRole), a => a.StartsWith("logs:", StringComparison.Ordinal));
    }

    [Fact]
    public void TheBucketPolicyGrantsNothingToTheSesRole()
    {
        string policy = TemplateFixture.Properties(Template, LogicalIds.BucketPolicy)["PolicyDocument"]!.ToJsonString();

        Assert.DoesNotContain(LogicalIds.SesRole, policy, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Allow\"", policy, StringComparison.Ordinal);
        Assert.DoesNotContain(Actions(LogicalIds.SesRole), a => a.StartsWith("s3:", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSesRoleTrustHasSourceAccountAndSourceArnConditions()
    {
        string trust = TemplateFixture.Properties(Template, LogicalIds.SesRole)["AssumeRolePolicyDocument"]!.ToJsonString();

        Assert.Contains("aws:SourceAccount", trust, StringComparison.Ordinal);
        Assert.Contains("aws:SourceArn", trust, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBucketBlocksPublicAccessRequiresTlsAndIsRetained()
    {
        JsonObject bucket = TemplateFixture.Properties(Template, LogicalIds.Bucket);
        JsonObject block = bucket["PublicAccessBlockConfiguration"]!.AsObject();

        Assert.Equal(4, block.Count);
        Assert.All(block, setting => Assert.True((bool)setting.Value!));
        Assert.Contains("aws:SecureTransport", TemplateFixture.Properties(Template, LogicalIds.BucketPolicy).ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Retain", (string)TemplateFixture.Resources(Template)[LogicalIds.Bucket]!["DeletionPolicy"]!);
    }

    [Fact]
    public void AMissingSenderIdentityTagFallsBackInsteadOfGivingANullKey()
    {
        string query = Parameter("MetadataExtractionQuery");

        Assert.Contains("// \"" + FirehoseLayout.MissingIdentity + "\"", query, StringComparison.Ordinal);
    }

    [Fact]
    public void TheQueryDefinesEveryKeyThePrefixUses()
    {
        string query = Parameter("MetadataExtractionQuery");
        string prefix = (string)Destination()["Prefix"]!;

        Assert.NotEqual("{eventType:.eventType}", query);
        foreach (string key in new[] { FirehoseLayout.SenderIdentityKey, FirehoseLayout.EventTypeKey })
        {
            Assert.Contains("!{partitionKeyFromQuery:" + key + "}", prefix, StringComparison.Ordinal);
            Assert.Contains(key + ":", query, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheErrorPrefixHasADateAndThePrefixNoHourOrDoubleSlash()
    {
        Assert.Contains("!{timestamp:yyyy/MM/dd}", (string)Destination()["ErrorOutputPrefix"]!, StringComparison.Ordinal);
        string prefix = (string)Destination()["Prefix"]!;
        Assert.DoesNotContain("HH", prefix, StringComparison.Ordinal);
        Assert.DoesNotContain("//", prefix, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTagsAreOneMapWithoutSerDeMappingsOrTheOperationTypo()
    {
        JsonObject serDe = TableInput()["StorageDescriptor"]!["SerdeInfo"]!["Parameters"]!.AsObject();

        Assert.DoesNotContain(serDe, p => p.Key.StartsWith("mapping.", StringComparison.Ordinal));
        Assert.Contains("tags:map<string,array<string>>", Columns()["mail"], StringComparison.Ordinal);
        Assert.DoesNotContain("opeation", TemplateBuilder.Build(Options).ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void DestinationIsAnArrayOfStrings()
    {
        string mail = Columns()["mail"];

        Assert.Contains("destination:array<string>", mail, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTableHasDeliveryDelayFailureAndSubscription()
    {
        IReadOnlyDictionary<string, string> columns = Columns();

        Assert.Contains("delayedrecipients", columns["deliverydelay"], StringComparison.Ordinal);
        Assert.Contains("templatename", columns["failure"], StringComparison.Ordinal);
        Assert.Contains("newtopicpreferences", columns["subscription"], StringComparison.Ordinal);
    }

    [Fact]
    public void TheEnumValuesHaveNoBackticks()
    {
        string values = (string)TableInput()["Parameters"]!["projection.event_type.values"]!;

        Assert.DoesNotContain("`", values, StringComparison.Ordinal);
        Assert.Contains(",Rendering Failure,", values, StringComparison.Ordinal);
    }

    private static List<string> Actions(string role) => TemplateFixture.Properties(Template, role)["Policies"]!.AsArray()
        .SelectMany(p => p!["PolicyDocument"]!["Statement"]!.AsArray())
        .SelectMany(s => s!["Action"] is JsonArray list ? list.Select(a => (string)a!) : [(string)s["Action"]!])
        .ToList();

    private static JsonObject Destination() =>
        TemplateFixture.Properties(Template, LogicalIds.DeliveryStream)["ExtendedS3DestinationConfiguration"]!.AsObject();

    private static string Parameter(string name) => (string)Destination()["ProcessingConfiguration"]!["Processors"]![0]!["Parameters"]!.AsArray()
        .Single(p => (string)p!["ParameterName"]! == name)!["ParameterValue"]!;

    private static JsonObject TableInput() => TemplateFixture.Properties(Template, LogicalIds.Table)["TableInput"]!.AsObject();

    private static IReadOnlyDictionary<string, string> Columns() => TableInput()["StorageDescriptor"]!["Columns"]!.AsArray()
        .ToDictionary(c => (string)c!["Name"]!, c => (string)c!["Type"]!);
}
