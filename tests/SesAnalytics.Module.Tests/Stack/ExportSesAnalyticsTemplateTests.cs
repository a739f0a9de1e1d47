using System.Management.Automation;
using System.Text.Json.Nodes;
using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Stack;

public sealed class ExportSesAnalyticsTemplateTests : IDisposable
{
    private static readonly string[] OutputNames =
        ["BucketName", "DeliveryStreamName", "DeliveryStreamArn", "DeliveryRoleArn", "SesRoleArn", "GlueDatabase", "GlueTable", "GlueLinesTable", "WorkGroup", "LayoutVersion"];

    private readonly string _folder = Directory.CreateTempSubdirectory("sesanalytics-export").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void JsonFormatReturnsOneStringWithTheStackOutputs()
    {
        ScriptResult result = ModuleSession.Run("Export-SesAnalyticsTemplate -Format Json -RetentionDays 90 -ConfigurationSetName marketing -Tag @{ team = 'mail' }");

        result.AssertSuccess();
        string text = Assert.IsType<string>(Assert.Single(result.Output).BaseObject);
        JsonObject template = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(OutputNames, template["Outputs"]!.AsObject().Select(o => o.Key));
        Assert.Equal("NOW-90DAYS,NOW", (string)template["Resources"]!["EventTable"]!["Properties"]!["TableInput"]!["Parameters"]!["projection.day.range"]!);
        Assert.Contains("configuration-set/marketing", text, StringComparison.Ordinal);
        Assert.Contains("\"Value\": \"mail\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void YamlIsTheDefault()
    {
        ScriptResult result = ModuleSession.Run("Export-SesAnalyticsTemplate");

        result.AssertSuccess();
        string text = Assert.IsType<string>(Assert.Single(result.Output).BaseObject);
        Assert.StartsWith("AWSTemplateFormatVersion: \"2010-09-09\"\n", text, StringComparison.Ordinal);
        Assert.Contains("\nOutputs:\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PathWritesTheFileInTheFormatOfItsExtension()
    {
        string path = Path.Combine(_folder, "ses-analytics.json");

        ScriptResult result = ModuleSession.Run($"Export-SesAnalyticsTemplate -Path '{path}'");

        result.AssertSuccess();
        var file = Assert.IsType<FileInfo>(Assert.Single(result.Output).BaseObject);
        Assert.Equal(path, file.FullName);
        Assert.NotNull(JsonNode.Parse(File.ReadAllText(path))!["Resources"]);
        Assert.Equal(["ses-analytics.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void WhatIfWritesNothing()
    {
        string path = Path.Combine(_folder, "ses-analytics.yaml");

        ScriptResult result = ModuleSession.Run($"Export-SesAnalyticsTemplate -Path '{path}' -WhatIf");

        result.AssertSuccess();
        Assert.Empty(result.Output);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void AnExistingFileNeedsForce()
    {
        string path = Path.Combine(_folder, "ses-analytics.yaml");
        ModuleSession.Run($"Export-SesAnalyticsTemplate -Path '{path}' -RetentionDays 30").AssertSuccess();
        string first = File.ReadAllText(path);

        ScriptResult again = ModuleSession.Run($"Export-SesAnalyticsTemplate -Path '{path}' -RetentionDays 60");

        ErrorRecord error = Assert.Single(again.Errors);
        Assert.StartsWith("TemplateFileExists", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Empty(again.Output);
        Assert.Equal(first, File.ReadAllText(path));

        ScriptResult forced = ModuleSession.Run($"Export-SesAnalyticsTemplate -Path '{path}' -RetentionDays 60 -Force");

        forced.AssertSuccess();
        Assert.Contains("NOW-60DAYS,NOW", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void AnOptionOutOfRangeIsAnInvalidArgumentNamingTheRange()
    {
        ScriptResult result = ModuleSession.Run("Export-SesAnalyticsTemplate -BufferSizeMB 5");

        Assert.Empty(result.Output);
        ErrorRecord error = result.TerminatingError?.ErrorRecord ?? Assert.Single(result.Errors);
        Assert.StartsWith("BufferSizeMBOutOfRange", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("between 64 and 128", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAliasKeyArnGivesAWarning()
    {
        ScriptResult result = ModuleSession.Run("Export-SesAnalyticsTemplate -KmsKeyArn arn:aws:kms:us-east-1:111122223333:alias/ses");

        result.AssertSuccess();
        Assert.Single(result.Output);
        Assert.Contains("key ARN", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHelpExamplesRun()
    {
        string path = Path.Combine(_folder, "ses-analytics.json");
        ScriptResult result = ModuleSession.Run(
            $"Export-SesAnalyticsTemplate -Path '{path}' -RetentionDays 365 -KmsKeyArn 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' -ConfigurationSetName marketing, transactional -Tag @{{ team = 'mail' }} -Force\n"
            + "Export-SesAnalyticsTemplate -Format Json -BucketName my-ses-events -BytesScannedCutoffPerQuery 10000000000");

        result.AssertSuccess();
        Assert.Equal(2, result.Output.Count);
        Assert.Contains("\"SSE_KMS\"", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Contains("\"BytesScannedCutoffPerQuery\": 10000000000", (string)result.Output[1].BaseObject, StringComparison.Ordinal);
    }
}
