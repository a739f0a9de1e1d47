using System.Text.Json.Nodes;
using SesAnalytics.Engine.Stack;

namespace SesAnalytics.Engine.Tests.Stack;

public sealed class EventTableSchemaTests
{
    private static readonly string Fixtures = SharedReference.PathOf("fixtures", "ses-events");

    [Theory]
    [InlineData("struct<a:string,b:array<struct<c:int>>>", null)]
    [InlineData("map<string,array<string>>", null)]
    [InlineData("struct<a:string", "expected '>'")]
    [InlineData("array<strin>", "'strin' is not a Hive type")]
    [InlineData("struct<a:string,a:int>", "appears twice")]
    [InlineData("struct<>", "expected a lowercase name")]
    [InlineData("map<array<string>,string>", "map key")]
    public void TheCheckerKnowsValidFromInvalid(string type, string? problem)
    {
        string? found = HiveType.Problem(type);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found ?? "(valid)", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryColumnTypeIsValidHive()
    {
        Assert.All(EventTableSchema.Columns, c => Assert.True(HiveType.Problem(c.Value) is null, $"{c.Key}: {HiveType.Problem(c.Value)}"));
        Assert.Equal(EventTableSchema.Columns.Count, EventTableSchema.Columns.Select(c => c.Key).Distinct().Count());
    }

    [Fact]
    public void DestinationIsAnArrayAndTagsAMapOfEveryTag()
    {
        HiveNode mail = Column("mail");

        Assert.Equal("array", mail.Fields!["destination"].Kind);
        Assert.Equal("map", mail.Fields["tags"].Kind);
        Assert.Equal("array", mail.Fields["tags"].Element!.Kind);
        Assert.Equal("map", Column("click").Fields!["linktags"].Kind);
        Assert.Equal("array", Column("click").Fields!["linktags"].Element!.Kind);
    }

    [SkippableFact]
    public void EveryDocumentedFieldOfTheTenExamplesHasAColumn()
    {
        Skip.IfNot(Directory.Exists(Fixtures), $"The SES event fixtures are not at {Fixtures} (the shared folder is absent).");
        var missing = new List<string>();
        string[] files = Directory.GetFiles(Fixtures, "*.json");
        Assert.Equal(10, files.Length);

        foreach (string file in files)
        {
            JsonObject record = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            foreach ((string key, JsonNode? value) in record)
            {
                HiveNode? column = EventTableSchema.Columns.Where(c => c.Key == key.ToLowerInvariant()).Select(c => HiveType.Parse(c.Value)).FirstOrDefault();
                if (column is null)
                {
                    missing.Add($"{Path.GetFileName(file)}: {key}");
                    continue;
                }

                Walk(value, column, $"{Path.GetFileName(file)}: {key}", missing);
            }
        }

        Assert.Empty(missing);
    }

    private static void Walk(JsonNode? value, HiveNode type, string path, List<string> missing)
    {
        switch (value)
        {
            case JsonObject map when type.Kind == "struct":
                foreach ((string key, JsonNode? item) in map)
                {
                    if (type.Fields!.TryGetValue(key.ToLowerInvariant(), out HiveNode? fieldType))
                    {
                        Walk(item, fieldType, $"{path}.{key}", missing);
                    }
                    else
                    {
                        missing.Add($"{path}.{key}");
                    }
                }

                break;
            case JsonObject map when type.Kind == "map":
                foreach ((string key, JsonNode? item) in map)
                {
                    Walk(item, type.Element!, $"{path}.{key}", missing);
                }

                break;
            case JsonArray list when type.Kind == "array":
                foreach (JsonNode? item in list)
                {
                    Walk(item, type.Element!, $"{path}[]", missing);
                }

                break;
            case JsonValue scalar:
                bool fits = (scalar.GetValueKind(), type.Kind) switch
                {
                    (System.Text.Json.JsonValueKind.String, "string") => true,
                    (System.Text.Json.JsonValueKind.Number, "bigint" or "int" or "double") => true,
                    (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False, "boolean") => true,
                    _ => false,
                };
                if (!fits)
                {
                    missing.Add($"{path}: {scalar.GetValueKind()} does not fit {type.Kind}");
                }

                break;
            default:
                missing.Add($"{path}: {value?.GetValueKind()} does not fit {type.Kind}");
                break;
        }
    }

    private static HiveNode Column(string name) => HiveType.Parse(EventTableSchema.Columns.Single(c => c.Key == name).Value);
}
