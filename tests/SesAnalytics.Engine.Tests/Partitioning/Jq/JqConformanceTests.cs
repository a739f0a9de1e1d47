using System.Text;
using System.Text.Json;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Partitioning.Jq;

namespace SesAnalytics.Engine.Tests.Partitioning.Jq;

/// <summary>Our evaluator against the real jq 1.6, byte for byte, over fixtures and generated edge cases.</summary>
public sealed class JqConformanceTests : IDisposable
{
    private static readonly string[] SmallInputs =
    [
        "null", "true", "false", "0", "-1.5", "\"text\"", "[]", "[1,2,3]", "[null,false,\"x\"]", "{}",
        "{\"a\":null}", "{\"a\":false}", "{\"a\":\"s\"}", "{\"a\":[10,20,30]}", "{\"a\":{\"b\":[1,2]}}", "{\"a\":{\"b\":\"xy\"}}",
        "{\"a\":{\"b\":null},\"b\":{\"c\":3}}", "{\"a\":[{\"b\":1}],\"c\":[\"first\",\"second\"]}", "{\"x\":1e1000,\"a\":1.10}",
        "{\"a\":{\"b\":{\"c\":\"\\u00e9\\u0000\"}},\"b\":[true]}",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("jq-conformance-").FullName;

    public static TheoryData<string> Queries() => new()
    {
        ".a.\"b\"[1] // \"x\"",
        "{x: {y: .a, z: (.b // \"none\")}, w: .c | .[0]}",
        ".a | .b",
        ".[\"a\"][-1]",
        ".a[1.5]",
        ".a[-4]",
        "(.a)?",
        ".a.b?",
        ".a[0]? // \"x\"",
        "{a}",
        ".[0]",
        ".",
        "\"lit\\n\\u00e9\\\"\"",
        "1e1000",
        "0.00001",
        ".a // .b // \"z\"",
        "null // false",
        ".[\"x\"]?",
        "{\"quoted key\": .a, k2: 1.50, k2: 2, null: null}",
        "(.a | .b) // (.c | .[1])",
        ".x",
        ".a.b.c",
        "{k: .a[.z // 0]}",
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public void MetadataExtractionQueryMatchesJqOnFixturesAndGeneratedEdgeCases()
    {
        Skip.IfNot(JqProcess.IsAvailable, JqProcess.Missing);
        var lines = new List<string>();
        if (TestPaths.HasFixtures)
        {
            foreach (string fixture in Directory.GetFiles(TestPaths.Fixtures, "*.json").Order())
            {
                lines.Add(Encoding.UTF8.GetString(JsonText.Compact(File.ReadAllBytes(fixture))));
            }
        }

        lines.AddRange(EdgeCaseEvents.Generate(12_000));

        int compared = AssertSameAsJq(FirehoseLayout.MetadataExtractionQuery, lines);

        Assert.True(compared >= 10_000, $"Only {compared} records were compared.");
    }

    [SkippableTheory]
    [MemberData(nameof(Queries))]
    public void QueryMatchesJq(string query)
    {
        Skip.IfNot(JqProcess.IsAvailable, JqProcess.Missing);
        AssertSameAsJq(query, SmallInputs);
    }

    private int AssertSameAsJq(string query, IReadOnlyList<string> lines)
    {
        string input = Path.Combine(_folder, "input.jsonl");
        File.WriteAllText(input, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        IReadOnlyList<string> expected = JqProcess.RunPerRecord(query, input);
        Assert.Equal(lines.Count, expected.Count);

        JqQuery parsed = JqQuery.Parse(query);
        var pruner = new JsonPruner();
        bool prunable = parsed.TryAddPathsTo(pruner);
        for (int i = 0; i < lines.Count; i++)
        {
            using JsonDocument document = JsonDocument.Parse(lines[i]);
            string actual = Describe(parsed.Evaluate(document.RootElement));
            Assert.True(expected[i] == actual, $"Record {i}: {lines[i]}\n jq:   {expected[i]}\n ours: {actual}");
            if (prunable)
            {
                // The fast path reads only what the query observes: it must not change a single byte of the answer.
                using JsonDocument pruned = JsonDocument.Parse(pruner.Prune(Encoding.UTF8.GetBytes(lines[i])));
                string fast = Describe(parsed.Evaluate(pruned.RootElement));
                Assert.True(expected[i] == fast, $"Record {i} (pruned): {lines[i]}\n jq:   {expected[i]}\n ours: {fast}");
            }
        }

        return lines.Count;
    }

    private static string Describe(JqResult result)
    {
        var text = new StringBuilder();
        switch (result.Kind)
        {
            case JqResultKind.Error:
                text.Append("{\"error\":");
                JqJson.WriteString(result.Error!, text);
                text.Append('}');
                break;
            case JqResultKind.Empty:
                text.Append("{\"ok\":[]}");
                break;
            default:
                text.Append("{\"ok\":[");
                JqJson.Write(result.Value, text);
                text.Append("]}");
                break;
        }

        return text.ToString();
    }
}
