using System.Text;
using System.Text.Json;
using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Tests.Partitioning;

/// <summary>
/// The fast path's own JSON validation (<see cref="JsonCursor"/> and the UTF-8 check) against System.Text.Json: whatever
/// it accepts is valid JSON that the general path answers the same; what is not valid it declines.
/// </summary>
public sealed class EventRecordScannerValidationTests
{
    private const string Head = "{\"eventType\":\"Bounce\",\"x\":";
    private const string Tail = ",\"mail\":{\"timestamp\":\"2026-11-01T00:00:12.627Z\",\"tags\":{\"ses:sender-identity\":[\"example.com\"]}},\"bounce\":{\"timestamp\":\"2026-11-01T00:00:13.001Z\"}}";

    public static TheoryData<string> ValidValues =>
    [
        "0", "-0", "1.5", "-12.5e+3", "1E9", "0.0e-0", "123456789012345678901234567890", "1e-7", "true", "false", "null",
        "\"\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u00e9\\u20AC\\u0000\\u001f\\uFFFF\"", "\"été € 😀 日本\"", "\"\u007f\"",
        "{}", "[]", "[ ]", "{ }", "[1,[2,[3,{\"a\":[{}]}]]]", "{\"a\":{\"b\":{\"c\":null}},\"d\":[true,false]}",
        "{\"mail\":{\"tags\":{\"ses:sender-identity\":[\"other\"]}},\"eventType\":\"x\"}", "{\"\\u0061\":1,\"a\":2,\"a\":3}",
        "\"" + new string('a', 200) + "\\\"" + new string('b', 45) + "\"",
    ];

    public static TheoryData<string> InvalidValues =>
    [
        "01", "-01", "1.", ".5", "-", "+1", "1e", "1e+", "0x1", "1.e3", "--1", "tru", "nul", "fals", "True", "NaN",
        "Infinity", "truex", "nullx", "1x", "\"\\q\"", "\"\\u12G4\"", "\"\\u123\"", "\"\\x41\"", "\"a\tb\"", "\"a\u0001\"",
        "\"a\nb\"", "[1,]", "[,1]", "[1 2]", "{\"a\":1,}", "{\"a\"1}", "{1:2}", "{\"a\":}", "{\"a\"}", "{,}", "'x'", "\"open",
        "[", "{", "]", "}", "[}", "{]", "", "1 1", "\"a\" \"b\"", "{\"a\":1 \"b\":2}", "/* c */ 1", "[1]//",
    ];

    [Theory]
    [MemberData(nameof(ValidValues))]
    public void AcceptsValidValuesAndAnswersAsTheGeneralPath(string value)
    {
        byte[] record = Encoding.UTF8.GetBytes(Head + value + Tail);

        Assert.True(EventRecordScanner.TryScan(record, out _), $"Declined: {Head + value + Tail}");
        EventRecordScannerTests.AssertSameAsGeneral(record);
    }

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void DeclinesWhatSystemTextJsonRejects(string value)
    {
        byte[] record = Encoding.UTF8.GetBytes(Head + value + Tail);

        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(record).Dispose());
        Assert.False(EventRecordScanner.TryScan(record, out _), $"Accepted: {Head + value + Tail}");
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0xC3 })]
    public void DeclinesInvalidUtf8AnywhereInTheRecord(byte[] bad)
    {
        byte[] inString = [.. Encoding.UTF8.GetBytes(Head + "\"ab"), .. bad, .. Encoding.UTF8.GetBytes("cd\"" + Tail)];
        byte[] inName = [.. Encoding.UTF8.GetBytes("{\"eventType\":\"Send\",\""), .. bad, .. Encoding.UTF8.GetBytes("\":1" + Tail)];

        Assert.False(EventRecordScanner.TryScan(inString, out _));
        Assert.False(EventRecordScanner.TryScan(inName, out _));
    }

    [Theory]
    [InlineData("\"\\ud83d\\ude00\"")]
    [InlineData("\"\\uD800\"")]
    [InlineData("\"\\udfff x\"")]
    public void LeavesEscapedSurrogatesToTheGeneralPath(string value) =>
        Assert.False(EventRecordScanner.TryScan(Encoding.UTF8.GetBytes(Head + value + Tail), out _));

    [Fact]
    public void AcceptsModerateNestingAndDeclinesDeeperThanItsLimit()
    {
        static byte[] Nested(int depth) => Encoding.UTF8.GetBytes(Head + new string('[', depth) + new string(']', depth) + Tail);

        Assert.True(EventRecordScanner.TryScan(Nested(JsonCursor.MaxDepth - 1), out _));
        Assert.False(EventRecordScanner.TryScan(Nested(JsonCursor.MaxDepth), out _));
        EventRecordScannerTests.AssertSameAsGeneral(Nested(JsonCursor.MaxDepth - 1));
    }

    /// <summary>Quotes, escapes and control bytes at every offset, so each lands in a 32-byte block, a 16-byte block and the scalar tail.</summary>
    [Fact]
    public void FindsEveryStringEndWhateverItsOffset()
    {
        for (int before = 0; before < 70; before++)
        {
            foreach (int after in new[] { 0, 1, 15, 16, 17, 31, 32, 33 })
            {
                string a = new('a', before);
                string b = new('b', after);
                foreach (string body in new[] { a + b, a + "\\\"" + b, a + "\\\\" + b, a + "\\u0041" + b, a + "é" + b })
                {
                    byte[] record = Encoding.UTF8.GetBytes(Head + "\"" + body + "\"" + Tail);
                    Assert.True(EventRecordScanner.TryScan(record, out ScannedRecord scanned), Encoding.UTF8.GetString(record));
                    Assert.Equal("example.com", scanned.Keys.SenderIdentity);
                }

                byte[] unterminated = Encoding.UTF8.GetBytes("{\"eventType\":\"Send\",\"x\":\"" + a + b);
                byte[] control = Encoding.UTF8.GetBytes(Head + "\"" + a + "\u0001" + b + "\"" + Tail);
                byte[] lastIsEscape = Encoding.UTF8.GetBytes("{\"eventType\":\"Send\",\"x\":\"" + a + "\\");
                Assert.False(EventRecordScanner.TryScan(unterminated, out _));
                Assert.False(EventRecordScanner.TryScan(control, out _));
                Assert.False(EventRecordScanner.TryScan(lastIsEscape, out _));
            }
        }
    }

    /// <summary>Random one-byte damage to real-shaped records: accepted only when still valid, then answered as the general path.</summary>
    [Fact]
    public void AnswersDamagedRecordsAsTheGeneralPathOrDeclines()
    {
        byte[] alphabet = "\"\\{}[],:0123456789-+.eEtfnrlsu \t\r\n\u0001abc/"u8.ToArray().Concat(new byte[] { 0x80, 0xC3, 0xA9, 0xFF, 0xE2 }).ToArray();
        var random = new Random(20261206);
        List<string> seeds = [.. EdgeCaseEvents.Generate(300, seed: 7), Head + "1" + Tail];
        int accepted = 0;
        for (int i = 0; i < 30_000; i++)
        {
            byte[] record = Encoding.UTF8.GetBytes(seeds[random.Next(seeds.Count)]);
            int at = random.Next(record.Length);
            byte with = alphabet[random.Next(alphabet.Length)];
            byte[] damaged = random.Next(3) switch
            {
                0 => [.. record[..at], with, .. record[(at + 1)..]],
                1 => [.. record[..at], with, .. record[at..]],
                _ => [.. record[..at], .. record[(at + 1)..]],
            };

            if (EventRecordScanner.TryScan(damaged, out _))
            {
                Assert.True(IsValidJson(damaged), $"Accepted invalid JSON: {Encoding.UTF8.GetString(damaged)}");
                EventRecordScannerTests.AssertSameAsGeneral(damaged);
                accepted++;
            }
        }

        Assert.True(accepted > 1_000, $"Only {accepted} damaged records were accepted.");
    }

    private static bool IsValidJson(byte[] record)
    {
        try
        {
            JsonDocument.Parse(record).Dispose();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
