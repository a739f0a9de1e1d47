using System.Text.Json;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Tests.Partitioning;

public sealed class PipedJsonAssemblerTests
{
    private const string Pretty = """
        {
          "eventType": "Bounce",
          "mail": {
            "destination": [
              "a@example.com",
              "b}]@example.com"
            ],
            "note": "a \" and a { in a string"
          }
        }
        """;

    [Fact]
    public void PassesJsonLinesThroughOneByOne()
    {
        var assembler = new PipedJsonAssembler();

        PipedJson first = assembler.Add("{\"eventType\":\"Send\"}", "InputObject #1");
        PipedJson blank = assembler.Add("   ", "InputObject #2");

        Assert.Equal(("{\"eventType\":\"Send\"}", "InputObject #1", 1), (first.Text, first.Source, first.Items));
        Assert.Equal("   ", blank.Text);
        assembler.Finish();
    }

    [Fact]
    public void GathersTheLinesOfAPrettyDocumentIntoOne()
    {
        var assembler = new PipedJsonAssembler();
        string[] lines = Pretty.Split('\n');

        PipedJson[] results = lines.Select((line, i) => assembler.Add(line, $"InputObject #{i + 1}")).ToArray();

        Assert.All(results[..^1], r => Assert.Null(r.Text));
        PipedJson document = results[^1];
        Assert.Equal(lines.Length, document.Items);
        Assert.Equal($"InputObject #1 to InputObject #{lines.Length}", document.Source);
        using JsonDocument parsed = JsonDocument.Parse(document.Text!);
        Assert.Equal("b}]@example.com", parsed.RootElement.GetProperty("mail").GetProperty("destination")[1].GetString());
        assembler.Finish();
    }

    [Fact]
    public void GathersAnArrayAndGoesBackToLinesAfterIt()
    {
        var assembler = new PipedJsonAssembler();

        Assert.Null(assembler.Add("[", "#1").Text);
        Assert.Null(assembler.Add("  {\"eventType\":\"Send\"},", "#2").Text);
        Assert.Null(assembler.Add("  {\"eventType\":\"Open\"}", "#3").Text);
        PipedJson array = assembler.Add("]", "#4");
        PipedJson line = assembler.Add("{\"eventType\":\"Click\"}", "#5");

        Assert.Equal("[\n  {\"eventType\":\"Send\"},\n  {\"eventType\":\"Open\"}\n]\n", array.Text);
        Assert.Equal(("#1 to #4", 4), (array.Source, array.Items));
        Assert.Equal(("{\"eventType\":\"Click\"}", 1), (line.Text, line.Items));
    }

    [Theory]
    [InlineData("{\"eventType\":\"Bounce\",\"mail\":{")]
    [InlineData("\"eventType\": \"Bounce\",")]
    [InlineData("}")]
    public void LeavesATruncatedOrFragmentLineToTheImport(string line)
    {
        var assembler = new PipedJsonAssembler();

        Assert.Equal(line, assembler.Add(line, "#1").Text);
        Assert.Equal("{\"eventType\":\"Send\"}", assembler.Add("{\"eventType\":\"Send\"}", "#2").Text);
        assembler.Finish();
    }

    [Fact]
    public void RefusesAGatheredDocumentThatIsNotJsonAsOneError()
    {
        var assembler = new PipedJsonAssembler();
        assembler.Add("{", "InputObject #1");
        assembler.Add("\"a\": 1,,", "InputObject #2");

        var error = Assert.Throws<InvalidInputException>(() => assembler.Add("}", "InputObject #3"));

        Assert.Equal("MalformedJsonDocument", error.ErrorId);
        Assert.Equal("InputObject #1 to InputObject #3", error.Target);
        Assert.Contains("Get-Content -Raw", error.Message, StringComparison.Ordinal);
        Assert.Equal("{\"eventType\":\"Send\"}", assembler.Add("{\"eventType\":\"Send\"}", "InputObject #4").Text);
    }

    [Fact]
    public void SaysADocumentThatNeverEndedAtTheEnd()
    {
        var assembler = new PipedJsonAssembler();
        foreach ((string line, int i) in Pretty.Split('\n')[..^2].Select((line, i) => (line, i)))
        {
            Assert.Null(assembler.Add(line, $"InputObject #{i + 1}").Text);
        }

        var error = Assert.Throws<InvalidInputException>(assembler.Finish);

        Assert.Equal("IncompleteJsonDocument", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("Get-Content -Raw", error.Message, StringComparison.Ordinal);
        assembler.Finish();
    }
}
