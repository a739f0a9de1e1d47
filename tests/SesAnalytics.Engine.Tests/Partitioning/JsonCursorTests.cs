using System.Text;
using System.Text.Json;
using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Tests.Partitioning;

/// <summary>
/// <see cref="JsonCursor.TrySkipValue"/> against System.Text.Json on whole texts: it accepts exactly the valid ones
/// (nesting within its limit, no escaped surrogates), and notices whitespace outside strings exactly where there is some.
/// </summary>
public sealed class JsonCursorTests
{
    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ",", ":", "\"a\"", "\"\"", "\"b\\\"c\"", "\"\\u00e9\\n\"", "\"x y\"", "1", "-0.5e+3", "0", "01", "1.",
        "true", "false", "null", "nul", " ", "\t", "\r\n", "\u0001", "\"\u0001\"", "\"\\q\"", "'a'",
    ];

    public static TheoryData<string> Texts =>
    [
        " { \"a\" : [ 1 , { } , [ ] ] , \"b\" : null } ", "{\"a\":[1,{},[]],\"b\":null}", "[[],{},[{}],{\"a\":{}}]", "[ ]", "{\n}",
        "[1}", "{\"a\":[}", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "[[]", "{\"a\"::1}", "[\"a\":1]", "{\"a\",1}", "[1,,2]", "[\u0001]",
        "{\"a\":1,\"a\":{\"a\":[true,false,null,-1.5E-2,\"\\/\"]}}", "[1 ,2]", "[1, 2]", "[\"a\" ,\"b\"]", "{\"a\":[1]\t}", "[{]", "[{}",
        "{\"a\":}", "{\"a\":1}x", "[]]", "[\"\\u00e9\", \"é\"]",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void SkipsWhatSystemTextJsonAcceptsAndNothingElse(string text) => AssertSameAsSystemTextJson(text);

    [Fact]
    public void NestingUpToItsLimitInObjectsAndArrays()
    {
        foreach (int depth in new[] { 1, 2, JsonCursor.MaxDepth - 1, JsonCursor.MaxDepth })
        {
            string arrays = new string('[', depth) + new string(']', depth);
            string objects = string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1);
            string mixed = Mixed(depth);
            Assert.True(Skips(arrays), arrays);
            Assert.True(Skips(objects), objects);
            Assert.True(Skips(mixed), mixed);
        }

        Assert.False(Skips(new string('[', JsonCursor.MaxDepth + 1) + new string(']', JsonCursor.MaxDepth + 1)));
        Assert.False(Skips(string.Concat(Enumerable.Repeat("{\"a\":", JsonCursor.MaxDepth)) + "{}" + new string('}', JsonCursor.MaxDepth)));
        Assert.False(Skips(Mixed(JsonCursor.MaxDepth + 1)));
    }

    /// <summary>Random token sequences, most of them invalid, some deeply nested: always the answer System.Text.Json gives.</summary>
    [Fact]
    public void AnswersRandomTokenSequencesAsSystemTextJson()
    {
        var random = new Random(20261206);
        int valid = 0;
        for (int i = 0; i < 60_000; i++)
        {
            var text = new StringBuilder();
            int count = 1 + random.Next(14);
            for (int t = 0; t < count; t++)
            {
                text.Append(Tokens[random.Next(Tokens.Length)]);
            }

            valid += AssertSameAsSystemTextJson(text.ToString()) ? 1 : 0;
        }

        Assert.True(valid > 500, $"Only {valid} valid texts were compared.");
    }

    /// <summary>Arrays and objects in turn, <paramref name="depth"/> deep, with a number at the bottom and a member after each.</summary>
    private static string Mixed(int depth) =>
        string.Concat(Enumerable.Range(0, depth).Select(k => k % 2 == 0 ? "[0," : "{\"a\":"))
        + "1"
        + string.Concat(Enumerable.Range(0, depth).Reverse().Select(k => k % 2 == 0 ? "]" : ",\"b\":0}"));

    private static bool Skips(string text)
    {
        var cursor = new JsonCursor(Encoding.UTF8.GetBytes(text));
        return cursor.Peek() is (byte)'{' or (byte)'[' && cursor.TrySkipValue() && cursor.AtEnd;
    }

    private static bool AssertSameAsSystemTextJson(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        bool valid;
        try
        {
            JsonDocument.Parse(bytes).Dispose();
            valid = true;
        }
        catch (JsonException)
        {
            valid = false;
        }

        var cursor = new JsonCursor(bytes);
        bool skipped = cursor.TrySkipValue() && cursor.AtEnd;
        Assert.True(valid == skipped, $"System.Text.Json {(valid ? "accepts" : "rejects")} {JsonSerializer.Serialize(text)}, the cursor {(skipped ? "skips it" : "does not")}.");
        if (valid)
        {
            bool compact = ReferenceEquals(JsonText.Compact(bytes), bytes);
            Assert.True(cursor.HasWhitespace == !compact, $"The cursor says {JsonSerializer.Serialize(text)} has {(cursor.HasWhitespace ? string.Empty : "no ")}whitespace.");
        }

        return valid;
    }
}
