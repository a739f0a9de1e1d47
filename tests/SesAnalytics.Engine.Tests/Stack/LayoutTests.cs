using System.Text.Json.Nodes;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Stack;

namespace SesAnalytics.Engine.Tests.Stack;

/// <summary>The deployed stream and table follow <see cref="FirehoseLayout"/> exactly.</summary>
public sealed class LayoutTests
{
    [Fact]
    public void TheStreamDeploysTheLayoutsQueryAndPrefixes()
    {
        JsonObject destination = Destination(new TemplateOptions());
        JsonArray parameters = destination["ProcessingConfiguration"]!["Processors"]![0]!["Parameters"]!.AsArray();

        Assert.Equal("MetadataExtraction", (string)destination["ProcessingConfiguration"]!["Processors"]![0]!["Type"]!);
        Assert.Equal(FirehoseLayout.MetadataExtractionQuery, Parameter(parameters, "MetadataExtractionQuery"));
        Assert.Equal(FirehoseLayout.JsonParsingEngine, Parameter(parameters, "JsonParsingEngine"));
        Assert.Equal(FirehoseLayout.Prefix, (string)destination["Prefix"]!);
        Assert.Equal(FirehoseLayout.ErrorOutputPrefix, (string)destination["ErrorOutputPrefix"]!);
        Assert.True((bool)destination["DynamicPartitioningConfiguration"]!["Enabled"]!);
        Assert.Equal(300, (int)destination["DynamicPartitioningConfiguration"]!["RetryOptions"]!["DurationInSeconds"]!);
        Assert.Equal("GZIP", (string)destination["CompressionFormat"]!);
    }

    [Fact]
    public void ThePrefixHasNoHourLevelAndNoEmptySegment()
    {
        string prefix = (string)Destination(new TemplateOptions())["Prefix"]!;

        Assert.DoesNotContain("//", prefix, StringComparison.Ordinal);
        Assert.DoesNotContain("HH", prefix, StringComparison.Ordinal);
        Assert.EndsWith("!{timestamp:yyyy/MM/dd}/", prefix, StringComparison.Ordinal);
        Assert.DoesNotContain("//", (string)Destination(new TemplateOptions())["ErrorOutputPrefix"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsReachTheBufferingHints()
    {
        JsonObject hints = Destination(TemplateFixture.Full)["BufferingHints"]!.AsObject();

        Assert.Equal(60, (int)hints["IntervalInSeconds"]!);
        Assert.Equal(128, (int)hints["SizeInMBs"]!);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(7)]
    [InlineData(3650)]
    public void ProjectionCoversTheTenWireNamesAndTheRetention(int retentionDays)
    {
        var options = new TemplateOptions { RetentionDays = retentionDays };
        JsonObject parameters = TableInput(options)["Parameters"]!.AsObject();

        Assert.Equal("true", (string)parameters["projection.enabled"]!);
        Assert.Equal("injected", (string)parameters["projection.sender_identity.type"]!);
        Assert.Equal("enum", (string)parameters["projection.event_type.type"]!);
        string[] values = ((string)parameters["projection.event_type.values"]!).Split(',');
        Assert.Equal(SesEventTypes.All.Select(t => t.WireName()), values);
        Assert.Equal(10, values.Length);
        Assert.Contains("Rendering Failure", values);
        Assert.Equal("date", (string)parameters["projection.day.type"]!);
        Assert.Equal(FirehoseLayout.DayFormat, (string)parameters["projection.day.format"]!);
        Assert.Equal($"NOW-{retentionDays}DAYS,NOW", (string)parameters["projection.day.range"]!);
        Assert.Equal("1", (string)parameters["projection.day.interval"]!);
        Assert.Equal("DAYS", (string)parameters["projection.day.interval.unit"]!);
    }

    [Fact]
    public void TheLocationTemplateMirrorsThePrefix()
    {
        var options = new TemplateOptions();
        JsonObject input = TableInput(options);
        string bucket = TemplateFixture.Bucket;

        Assert.Equal(
            $"s3://{bucket}/partitioned/${{sender_identity}}/${{event_type}}/${{day}}/",
            TemplateFixture.ResolvedString(input["Parameters"]!["storage.location.template"], options));
        Assert.Equal($"s3://{bucket}/partitioned/", TemplateFixture.ResolvedString(input["StorageDescriptor"]!["Location"], options));
        string prefix = FirehoseLayout.Prefix
            .Replace("!{partitionKeyFromQuery:" + FirehoseLayout.SenderIdentityKey + "}", "${sender_identity}", StringComparison.Ordinal)
            .Replace("!{partitionKeyFromQuery:" + FirehoseLayout.EventTypeKey + "}", "${event_type}", StringComparison.Ordinal)
            .Replace("!{timestamp:" + FirehoseLayout.DayFormat + "}", "${day}", StringComparison.Ordinal);
        Assert.Equal($"s3://{bucket}/{prefix}", TemplateFixture.ResolvedString(input["Parameters"]!["storage.location.template"], options));
        Assert.Equal(["sender_identity", "event_type", "day"], input["PartitionKeys"]!.AsArray().Select(k => (string)k!["Name"]!));
        Assert.All(input["PartitionKeys"]!.AsArray(), k => Assert.Equal("string", (string)k!["Type"]!));
    }

    [Fact]
    public void LifecycleExpiresEveryDataPrefixAfterTheRetention()
    {
        JsonArray rules = TemplateFixture.Properties(TemplateFixture.Json(TemplateFixture.Full), LogicalIds.Bucket)["LifecycleConfiguration"]!["Rules"]!.AsArray();

        Assert.Equal(
            ["partitioned/", "errors/", "athena-results/"],
            rules.Where(r => r!["ExpirationInDays"] is not null).Select(r => (string)r!["Prefix"]!));
        Assert.All(rules.Where(r => r!["ExpirationInDays"] is not null), r => Assert.Equal(90, (int)r!["ExpirationInDays"]!));
        Assert.Contains(rules, r => (int?)r!["AbortIncompleteMultipartUpload"]?["DaysAfterInitiation"] == 1);
    }

    [Fact]
    public void TheLinesTableReadsTheSameObjectsAndPartitionsAsWholeLines()
    {
        var options = new TemplateOptions { TableName = "ses_events", RetentionDays = 30 };
        JsonObject events = TableInput(options);
        JsonObject lines = TemplateFixture.Properties(TemplateFixture.Json(options), LogicalIds.LinesTable)["TableInput"]!.AsObject();

        Assert.Equal("ses_events_lines", (string)lines["Name"]!);
        Assert.True(JsonNode.DeepEquals(events["Parameters"], lines["Parameters"]));
        Assert.True(JsonNode.DeepEquals(events["PartitionKeys"], lines["PartitionKeys"]));
        foreach (string property in new[] { "Location", "InputFormat", "OutputFormat", "Compressed" })
        {
            Assert.True(JsonNode.DeepEquals(events["StorageDescriptor"]![property], lines["StorageDescriptor"]![property]), property);
        }

        JsonObject columns = lines["StorageDescriptor"]!["Columns"]!.AsArray().Single()!.AsObject();
        Assert.Equal(EventTableSchema.LineColumn, (string)columns["Name"]!);
        Assert.Equal("string", (string)columns["Type"]!);
        JsonObject serDe = lines["StorageDescriptor"]!["SerdeInfo"]!.AsObject();
        Assert.Equal("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", (string)serDe["SerializationLibrary"]!);
        // No field delimiter of its own: Hive's default, Ctrl-A, which no JSON line holds unescaped.
        Assert.Null(serDe["Parameters"]!["field.delim"]);
    }

    private static JsonObject Destination(TemplateOptions options) =>
        TemplateFixture.Properties(TemplateFixture.Json(options), LogicalIds.DeliveryStream)["ExtendedS3DestinationConfiguration"]!.AsObject();

    private static JsonObject TableInput(TemplateOptions options) =>
        TemplateFixture.Properties(TemplateFixture.Json(options), LogicalIds.Table)["TableInput"]!.AsObject();

    private static string Parameter(JsonArray parameters, string name) =>
        (string)parameters.Single(p => (string)p!["ParameterName"]! == name)!["ParameterValue"]!;
}
