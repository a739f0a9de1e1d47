using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SesAnalytics.Engine.Stack;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SesAnalytics.Engine.Tests.Stack;

/// <summary>
/// The YAML text, read back by YamlDotNet with the strictest reading of plain scalars (YAML 1.1: yes/on are booleans,
/// 2012-10-17 is a date), must equal the JSON model.
/// </summary>
public sealed partial class TemplateYamlWriterTests
{
    [Theory]
    [MemberData(nameof(TemplateFixture.OptionSets), MemberType = typeof(TemplateFixture))]
    public void TheYamlTemplateReadsBackAsTheJsonModel(string optionSet)
    {
        CloudFormationTemplate template = TemplateBuilder.Build(TemplateFixture.Options(optionSet));

        JsonNode fromYaml = Reparse(ToJson(Load(template.ToYaml())));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(template.ToJson()), fromYaml), "The YAML differs from the JSON:\n" + fromYaml.ToJsonString());
    }

    [Fact]
    public void MisreadableStringsAreQuotedAndTheRestStayReadable()
    {
        string[] tricky = ["yes", "No", "on", "OFF", "y", "null", "~", "*", "&anchor", "!Ref Bucket", "{a}", "[a]", "2012-10-17", "10", "1e3", "0x1F", ".inf", "", " padded", "a: b", "a #b", "key:", "- item", "? x", "%x", "@x", "`x`", "|", ">", "line\nbreak", "Rendering Failure"];
        var model = new CfnMap();
        for (int i = 0; i < tricky.Length; i++)
        {
            model.Add("k" + i.ToString(CultureInfo.InvariantCulture), tricky[i]);
        }

        model.Add(tricky[0], "as a key");
        model.Add("count", 42);
        model.Add("b", true);
        model.Add("plain", new List<object> { "Fn::Sub", "arn:${AWS::Partition}:s3:::bucket/*", "AWS::S3::Bucket" });

        string yaml = TemplateYamlWriter.Write(model);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(TemplateJsonWriter.Write(model)), Reparse(ToJson(Load(yaml)))), yaml);
        Assert.Contains("- arn:${AWS::Partition}:s3:::bucket/*\n", yaml, StringComparison.Ordinal);
        Assert.Contains("- AWS::S3::Bucket\n", yaml, StringComparison.Ordinal);
        Assert.Contains("count: 42\n", yaml, StringComparison.Ordinal);
        Assert.Contains("b: true\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void IntrinsicFunctionsAreLongFormMapsWithoutTags()
    {
        string yaml = TemplateBuilder.Build(new TemplateOptions()).ToYaml();

        Assert.Contains("Fn::GetAtt:", yaml, StringComparison.Ordinal);
        Assert.Contains("Fn::Sub:", yaml, StringComparison.Ordinal);
        Assert.Contains("Ref: ", yaml, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"(^|\s)!(Ref|Sub|GetAtt)\b", RegexOptions.Multiline), yaml);
        Assert.Contains("Version: \"2012-10-17\"", yaml, StringComparison.Ordinal);
        Assert.Contains("AWSTemplateFormatVersion: \"2010-09-09\"", yaml, StringComparison.Ordinal);
    }

    private static JsonNode Reparse(JsonNode? node) => JsonNode.Parse(node!.ToJsonString())!;

    private static YamlNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Assert.Single(stream.Documents).RootNode;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, ToJson(p.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar.Value ?? string.Empty),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}."),
    };

    // How a YAML 1.1 parser (PyYAML, CloudFormation's older tools) resolves a plain scalar; a timestamp or float becomes
    // a marker that can never equal the JSON model's string.
    private static JsonNode? Plain(string text) => text switch
    {
        _ when Bool11().IsMatch(text) => JsonValue.Create(text.ToLowerInvariant() is "y" or "yes" or "true" or "on"),
        _ when Null11().IsMatch(text) => null,
        _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number) => JsonValue.Create(number),
        _ when Number11().IsMatch(text) => JsonValue.Create("<number " + text + ">"),
        _ when Timestamp11().IsMatch(text) => JsonValue.Create("<timestamp " + text + ">"),
        _ => JsonValue.Create(text),
    };

    [GeneratedRegex("^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex Bool11();

    [GeneratedRegex("^(~|null|Null|NULL|)$")]
    private static partial Regex Null11();

    [GeneratedRegex(@"^([-+]?(0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9_]+([eE][-+]?[0-9]+)?|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex Number11();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")]
    private static partial Regex Timestamp11();
}
