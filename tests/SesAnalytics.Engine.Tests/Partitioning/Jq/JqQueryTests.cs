using System.Text.Json;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Partitioning.Jq;

namespace SesAnalytics.Engine.Tests.Partitioning.Jq;

public sealed class JqQueryTests
{
    [Theory]
    [InlineData(".[]", "iteration '[]'")]
    [InlineData("select(.a)", "function 'select'")]
    [InlineData("map(.a)", "function 'map'")]
    [InlineData("..", "recursive descent '..'")]
    [InlineData("$var", "variable '$var'")]
    [InlineData(".a + 1", "operator '+'")]
    [InlineData(".a == 1", "operator '=='")]
    [InlineData(".a, .b", "',' (several outputs)")]
    [InlineData("[.a]", "array construction '[...]'")]
    [InlineData("{(.a): 1}", "computed object key '(...)'")]
    [InlineData(".a[1:2]", "slice '[from:to]'")]
    [InlineData("if . then 1 else 2 end", "'if'")]
    [InlineData("\"a\\(.b)\"", "string interpolation \\(...)")]
    [InlineData(".a and .b", "operator 'and'")]
    [InlineData("@base64", "format '@base64'")]
    public void UnsupportedConstructsFailAtParseTimeNamingTheConstructAndPosition(string query, string construct)
    {
        InvalidInputException error = Assert.Throws<InvalidInputException>(() => JqQuery.Parse(query));

        Assert.Equal("UnsupportedJqConstruct", error.ErrorId);
        Assert.Contains(construct, error.Message, StringComparison.Ordinal);
        Assert.Contains("at position", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{a: .b // 1}")]
    [InlineData(".a.[0]")]
    [InlineData("(.a")]
    [InlineData("\"open")]
    public void SyntaxErrorsAreInvalidQueries(string query)
    {
        InvalidInputException error = Assert.Throws<InvalidInputException>(() => JqQuery.Parse(query));

        Assert.Equal("InvalidJqQuery", error.ErrorId);
    }

    [Theory]
    [InlineData("{\"a\":{\"b\":[1,2]}}", ".a.\"b\"[1] // \"x\"", "2")]
    [InlineData("{\"a\":{\"b\":[1,2]}}", ".a.b[-1]", "2")]
    [InlineData("{\"a\":{\"b\":[1,2]}}", ".a.b[5] // \"x\"", "\"x\"")]
    [InlineData("null", ".a.b[0]", "null")]
    [InlineData("{\"a\":[false,null]}", ".a[0] // .a[1] // \"x\"", "\"x\"")]
    [InlineData("{\"a\":1}", "{A: .a, \"b c\": (.z // 2)} | .A", "1")]
    [InlineData("{\"a\":1}", "{A: .a, \"b c\": (.z // 2)}", "{\"A\":1,\"b c\":2}")]
    [InlineData("{\"a\":\"\\u00e9\\u0001\"}", ".[\"a\"]", "\"é\\u0001\"")]
    public void EvaluatesTheSubset(string input, string query, string expected)
    {
        using JsonDocument document = JsonDocument.Parse(input);

        JqResult result = JqQuery.Parse(query).Evaluate(document.RootElement);

        Assert.Equal(JqResultKind.Value, result.Kind);
        Assert.Equal(expected, JqJson.Serialize(result.Value));
    }

    [Theory]
    [InlineData("\"s\"", ".a", "Cannot index string with string \"a\"")]
    [InlineData("{\"a\":\"s\"}", ".a[0] // \"x\"", "Cannot index string with number")]
    [InlineData("{\"a\":1}", ".[0]", "Cannot index object with number")]
    [InlineData("[1]", ".a", "Cannot index array with string \"a\"")]
    public void RuntimeErrorsAreJqs(string input, string query, string message)
    {
        using JsonDocument document = JsonDocument.Parse(input);

        JqResult result = JqQuery.Parse(query).Evaluate(document.RootElement);

        Assert.Equal(JqResultKind.Error, result.Kind);
        Assert.Equal(message, result.Error);
    }

    [Fact]
    public void OptionalSwallowsOnlyTheIndexItFollows()
    {
        using JsonDocument document = JsonDocument.Parse("\"s\"");

        Assert.Equal(JqResultKind.Empty, JqQuery.Parse(".a?").Evaluate(document.RootElement).Kind);
        Assert.Equal(JqResultKind.Empty, JqQuery.Parse("(.a.b)?").Evaluate(document.RootElement).Kind);
        Assert.Equal(JqResultKind.Error, JqQuery.Parse(".a.b?").Evaluate(document.RootElement).Kind);
    }

    [Theory]
    [InlineData(1e17, "1e+17")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(-0.0, "-0")]
    [InlineData(1.5, "1.5")]
    [InlineData(1.23e22, "1.23e+22")]
    [InlineData(double.MaxValue, "1.7976931348623157e+308")]
    public void NumbersPrintAsJqPrintsThem(double number, string expected) =>
        Assert.Equal(expected, JqJson.FormatNumber(number));
}
