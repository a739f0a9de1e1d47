using System.Text.Json;
using System.Text.Json.Nodes;
using SesAnalytics.Engine.Stack;

namespace SesAnalytics.Engine.Tests.Stack;

/// <summary>Walks the generated template against AWS's CloudFormation resource specification, property by property.</summary>
public sealed class CfnSpecTests
{
    private static readonly string SpecPath = SharedReference.PathOf("aws-reference", "cfn-spec", "specification.json");
    private static readonly Lazy<JsonObject> Spec = new(() => JsonNode.Parse(File.ReadAllText(SpecPath))!.AsObject());
    private static readonly HashSet<string> ResourceAttributes = ["Type", "Properties", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy", "Condition", "Metadata"];

    [SkippableTheory]
    [MemberData(nameof(TemplateFixture.OptionSets), MemberType = typeof(TemplateFixture))]
    public void EveryResourceMatchesTheSpecification(string optionSet)
    {
        Skip.IfNot(File.Exists(SpecPath), $"The CloudFormation specification is not at {SpecPath} (the shared reference folder is absent).");
        Assert.Empty(Problems(TemplateFixture.Json(TemplateFixture.Options(optionSet))));
    }

    [SkippableFact]
    public void TheWalkFindsWhatCloudFormationWouldRefuse()
    {
        Skip.IfNot(File.Exists(SpecPath), $"The CloudFormation specification is not at {SpecPath} (the shared reference folder is absent).");
        JsonObject template = TemplateFixture.Json(new TemplateOptions());
        JsonObject destination = TemplateFixture.Properties(template, LogicalIds.DeliveryStream)["ExtendedS3DestinationConfiguration"]!.AsObject();
        destination.Remove("BucketARN");
        destination["BufferingHints"]!["SizeInMBs"] = "64";
        destination["Prefixes"] = "typo";
        TemplateFixture.Properties(template, LogicalIds.Bucket)["Tags"] = new JsonArray(new JsonObject { ["Key"] = "k", ["Val"] = "v" });
        TemplateFixture.Resources(template)[LogicalIds.Table]!["Type"] = "AWS::Glue::Tables";

        List<string> problems = Problems(template);

        Assert.Contains(problems, p => p.Contains("BucketARN: required property is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("SizeInMBs: String is not a Integer", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Prefixes: no such property", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Tags[0].Val: no such property", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Tags[0].Value: required property is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("AWS::Glue::Tables is not in ResourceTypes", StringComparison.Ordinal));
        Assert.Equal(6, problems.Count);
    }

    private static List<string> Problems(JsonObject template)
    {
        var problems = new List<string>();
        foreach ((string logicalId, JsonNode? resource) in TemplateFixture.Resources(template))
        {
            string type = (string)resource!["Type"]!;
            foreach ((string attribute, _) in resource.AsObject())
            {
                Check(ResourceAttributes.Contains(attribute), problems, $"{logicalId}: '{attribute}' is not a resource attribute");
            }

            if (Spec.Value["ResourceTypes"]![type] is not JsonObject definition)
            {
                problems.Add($"{logicalId}: type {type} is not in ResourceTypes");
                continue;
            }

            CheckProperties(type, definition, resource["Properties"] as JsonObject ?? [], logicalId, problems);
        }

        return problems;
    }

    [Fact]
    public void TheBucketIsRetainedOnDeleteAndReplace()
    {
        JsonObject bucket = TemplateFixture.Resources(TemplateFixture.Json(new TemplateOptions()))[LogicalIds.Bucket]!.AsObject();

        Assert.Equal("AWS::S3::Bucket", (string)bucket["Type"]!);
        Assert.Equal("Retain", (string)bucket["DeletionPolicy"]!);
        Assert.Equal("Retain", (string)bucket["UpdateReplacePolicy"]!);
    }

    [Fact]
    public void TheDeliveryLogGroupIsDeletedWithTheStackByChoice()
    {
        JsonObject logGroup = TemplateFixture.Resources(TemplateFixture.Json(new TemplateOptions()))[LogicalIds.LogGroup]!.AsObject();

        Assert.Equal("AWS::Logs::LogGroup", (string)logGroup["Type"]!);
        Assert.Equal("Delete", (string)logGroup["DeletionPolicy"]!);
        Assert.Equal("Delete", (string)logGroup["UpdateReplacePolicy"]!);
    }

    private static void CheckProperties(string resourceType, JsonObject definition, JsonObject properties, string path, List<string> problems)
    {
        JsonObject known = definition["Properties"]!.AsObject();
        foreach ((string name, JsonNode? value) in properties)
        {
            if (known[name] is not JsonObject property)
            {
                problems.Add($"{path}.{name}: no such property");
                continue;
            }

            CheckValue(resourceType, property, value, $"{path}.{name}", problems);
        }

        foreach ((string name, JsonNode? property) in known)
        {
            Check(property!["Required"]?.GetValue<bool>() != true || properties.ContainsKey(name), problems, $"{path}.{name}: required property is missing");
        }
    }

    private static void CheckValue(string resourceType, JsonObject property, JsonNode? value, string path, List<string> problems)
    {
        if (property["PrimitiveType"] is JsonNode primitive)
        {
            CheckPrimitive((string)primitive!, value, path, problems);
            return;
        }

        string type = (string)property["Type"]!;
        if (type is "List" or "Map")
        {
            if (IsIntrinsic(value))
            {
                return;
            }

            IEnumerable<(string, JsonNode?)> items;
            if (type == "List" && value is JsonArray list)
            {
                items = list.Select((item, i) => ($"{path}[{i}]", item));
            }
            else if (type == "Map" && value is JsonObject map)
            {
                items = map.Select(p => ($"{path}.{p.Key}", p.Value));
            }
            else
            {
                problems.Add($"{path}: expected a {type}");
                return;
            }

            foreach ((string itemPath, JsonNode? item) in items)
            {
                if (property["PrimitiveItemType"] is JsonNode itemPrimitive)
                {
                    CheckPrimitive((string)itemPrimitive!, item, itemPath, problems);
                }
                else
                {
                    CheckNested(resourceType, (string)property["ItemType"]!, item, itemPath, problems);
                }
            }

            return;
        }

        CheckNested(resourceType, type, value, path, problems);
    }

    private static void CheckNested(string resourceType, string typeName, JsonNode? value, string path, List<string> problems)
    {
        // Tag is shared by every resource type and is listed once, without a resource prefix.
        if ((Spec.Value["PropertyTypes"]![$"{resourceType}.{typeName}"] ?? Spec.Value["PropertyTypes"]![typeName]) is not JsonObject definition)
        {
            problems.Add($"{path}: property type {resourceType}.{typeName} is not in PropertyTypes");
            return;
        }

        if (value is not JsonObject map)
        {
            problems.Add($"{path}: expected an object of type {typeName}");
            return;
        }

        CheckProperties(resourceType, definition, map, path, problems);
    }

    // Decision: numbers and booleans are written as JSON numbers and booleans (never as strings), so the check is strict;
    // an intrinsic function stands for whatever it resolves to.
    private static void CheckPrimitive(string primitive, JsonNode? value, string path, List<string> problems)
    {
        if (IsIntrinsic(value))
        {
            return;
        }

        JsonValueKind kind = value?.GetValueKind() ?? JsonValueKind.Null;
        bool ok = primitive switch
        {
            "String" or "Timestamp" => kind == JsonValueKind.String,
            "Integer" or "Long" => kind == JsonValueKind.Number && value!.GetValue<decimal>() % 1 == 0,
            "Double" => kind == JsonValueKind.Number,
            "Boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "Json" => kind is JsonValueKind.Object or JsonValueKind.Array,
            _ => false,
        };
        Check(ok, problems, $"{path}: {kind} is not a {primitive}");
    }

    private static bool IsIntrinsic(JsonNode? value) =>
        value is JsonObject { Count: 1 } map && map.Single().Key is "Ref" or "Fn::Sub" or "Fn::GetAtt" or "Fn::Join" or "Fn::If" or "Fn::Select";

    private static void Check(bool condition, List<string> problems, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}
