using System.Text;
using System.Text.Json;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Tests.Partitioning.Jq;

namespace SesAnalytics.Engine.Tests.Partitioning;

/// <summary>
/// The import's fast path against the general evaluator (and jq 1.6 where it is installed): for every record it
/// accepts, the same partition keys and the same event time; it must decline whatever it cannot answer exactly.
/// </summary>
public sealed class EventRecordScannerTests : IDisposable
{
    private static readonly string[] Timestamps =
    [
        "\"2017-08-05T00:41:02.669Z\"", "\"2018-10-08T14:05:45 +0000\"", "\"2017-08-05T00:41:02Z\"", "\"2017-02-30T00:00:00.000Z\"",
        "\"2017-08-05T24:00:00.000Z\"", "\"0000-01-01T00:00:00.000Z\"", "\"2017-08-05T00:41:02.6690Z\"", "\"x\"", "\"\"", "5", "null",
        "\"2017-08-05T00:41:02.669+02:00\"", "\"2017-08-05T00:41:02.66Z\"", "\"2017-08-05T00:41:60.000Z\"", "\"2016-02-29T23:59:59.999Z\"",
        "\"2017-08-05T00:41:02.669\\u005a\"", "\"２017-08-05T00:41:02.669Z\"", "\"9999-12-31T23:59:59.999Z\"", "\"2017-8-05T00:41:02.669Z\"",
        "\"2017-08-05T00:-1:02.669Z\"", "\" 2017-08-05T00:41:02.669Z\"", "\"2017-08-05t00:41:02.669z\"",
    ];

    private static readonly string[] EventTypes =
    [
        "\"Bounce\"", "\"bounce\"", "\"Send\"", "\"Open\"", "\"Rendering Failure\"", "\"RenderingFailure\"", "\"DeliveryDelay\"",
        "\"deliverydelay\"", "\"Unknown\"", "\"\"", "\"Bou\\u006ece\"", "\"Cl\\u00efck\"", "7", "null", "{}",
    ];

    private static readonly string[] Identities =
    [
        "MISSING", "null", "[]", "[null]", "[false]", "[true]", "[\"\"]", "[\"example.com\"]", "[\"a@example.com\",\"b\"]",
        "[\"example.com\",{\"x\":[1]}]", "[\"ex\\u0061mple.com\"]", "[\"été.fr\"]", "[1]", "[[\"x\"]]", "\"example.com\"", "{}", "[{}]",
    ];

    private static readonly string[] Details = ["MISSING", "{}", "[]", "\"x\"", "null", "TS", "TS,TS", "NAMEESCAPED", "NESTED"];

    private static readonly string[] Extras =
    [
        "", "", "", "\"Message\":\"{}\",", "\"notificationType\":\"Bounce\",", "\"mail\":{},", "\"eventType\":\"Send\",",
        "\"event\\u0054ype\":\"Send\",", "\"other\":{\"timestamp\":\"2001-01-01T00:00:00.000Z\",\"eventType\":\"x\"},", "\"bounce\":[1],",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("event-record-scanner-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public void TakesEveryFixtureAndAnswersAsTheGeneralEvaluator()
    {
        Skip.IfNot(TestPaths.HasFixtures, TestPaths.NoFixtures);
        foreach (string fixture in Directory.GetFiles(TestPaths.Fixtures, "*.json"))
        {
            byte[] pretty = File.ReadAllBytes(fixture);
            foreach (byte[] record in new[] { pretty, JsonText.Compact(pretty) })
            {
                Assert.True(EventRecordScanner.TryScan(record, out _), $"{Path.GetFileName(fixture)} took the general path.");
                AssertSameAsGeneral(record);
            }
        }
    }

    [Fact]
    public void AnswersOddRecordsAsTheGeneralEvaluatorOrDeclines()
    {
        List<string> records = OddRecords();
        int taken = records.Count(r => AssertSameAsGeneral(Encoding.UTF8.GetBytes(r)));

        Assert.True(taken >= records.Count / 10, $"Only {taken} of {records.Count} records took the fast path.");
        Assert.True(taken <= records.Count * 4 / 5, $"{taken} of {records.Count} odd records took the fast path.");
    }

    [Fact]
    public void AnswersTheGeneratedEdgeCasesAsTheGeneralEvaluatorOrDeclines()
    {
        foreach (string record in EdgeCaseEvents.Generate(6_000))
        {
            AssertSameAsGeneral(Encoding.UTF8.GetBytes(record));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"eventType\":\"Send\"} x")]
    [InlineData("{\"eventType\":\"Send\"}{}")]
    [InlineData("{\"eventType\":\"Send\",}")]
    [InlineData("{\"eventType\":\"Send\",\"mail\":{\"tags\":{\"ses:sender-identity\":[\"a\"}}}")]
    [InlineData("{\"eventType\":\"Send\",\"x\":\"\\q\"}")]
    [InlineData("[{\"eventType\":\"Send\"}]")]
    [InlineData("{\"Message\":\"{\\\"eventType\\\":\\\"Send\\\"}\"}")]
    [InlineData("{\"notificationType\":\"Bounce\",\"eventType\":\"Bounce\",\"mail\":{}}")]
    public void DeclinesWhatOnlyTheGeneralPathCanAnswer(string record) =>
        Assert.False(EventRecordScanner.TryScan(Encoding.UTF8.GetBytes(record), out _));

    [Fact]
    public void DeclinesRecordsNestedDeeperThanTheParserAllows()
    {
        string deep = "{\"eventType\":\"Send\",\"x\":" + new string('[', 70) + new string(']', 70) + "}";

        Assert.False(EventRecordScanner.TryScan(Encoding.UTF8.GetBytes(deep), out _));
    }

    [SkippableFact]
    public void KeysOfAcceptedRecordsMatchJq()
    {
        Skip.IfNot(JqProcess.IsAvailable, JqProcess.Missing);
        var accepted = new List<(string Record, PartitionKeys Keys)>();
        IEnumerable<string> fixtures = TestPaths.HasFixtures
            ? Directory.GetFiles(TestPaths.Fixtures, "*.json").Order().Select(f => Encoding.UTF8.GetString(JsonText.Compact(File.ReadAllBytes(f))))
            : [];
        foreach (string record in fixtures.Concat(OddRecords()).Concat(EdgeCaseEvents.Generate(3_000)))
        {
            if (EventRecordScanner.TryScan(Encoding.UTF8.GetBytes(record), out ScannedRecord scanned))
            {
                accepted.Add((record, scanned.Keys));
            }
        }

        string input = Path.Combine(_folder, "accepted.jsonl");
        File.WriteAllLines(input, accepted.Select(a => a.Record), new UTF8Encoding(false));
        IReadOnlyList<string> outputs = JqProcess.RunPerRecord(FirehoseLayout.MetadataExtractionQuery, input);

        Assert.Equal(accepted.Count, outputs.Count);
        Assert.True(accepted.Count > 500, $"Only {accepted.Count} records were compared.");
        for (int i = 0; i < accepted.Count; i++)
        {
            using JsonDocument output = JsonDocument.Parse(outputs[i]);
            JsonElement keys = output.RootElement.GetProperty("ok")[0];
            Assert.True(
                keys.GetProperty(FirehoseLayout.SenderIdentityKey).GetString() == accepted[i].Keys.SenderIdentity
                && keys.GetProperty(FirehoseLayout.EventTypeKey).GetString() == accepted[i].Keys.EventType,
                $"jq gave {outputs[i]} for {accepted[i].Record}, the fast path {accepted[i].Keys}.");
        }
    }

    /// <summary>True when the fast path took the record; either way, what it says is what the general path says.</summary>
    internal static bool AssertSameAsGeneral(byte[] record)
    {
        if (!EventRecordScanner.TryScan(record, out ScannedRecord scanned))
        {
            return false;
        }

        (PartitionKeys keys, DateTimeOffset? time, bool compact) = scanned;

        string text = Encoding.UTF8.GetString(record);
        using JsonDocument document = JsonDocument.Parse(record);
        Assert.False(SnsEnvelope.TryUnwrap(document.RootElement, out _), $"The fast path took an SNS envelope: {text}");
        KeyExtraction expected = PartitionKeyExtractor.Firehose.Extract(document.RootElement);
        Assert.True(expected.Succeeded, $"The fast path gave {keys} where the query fails ({expected.FailureMessage}): {text}");
        Assert.Equal(expected.Keys, keys);
        DateTimeOffset? expectedTime = EventTime.Find(document.RootElement);
        Assert.True(
            expectedTime == time && expectedTime?.Offset == time?.Offset,
            $"The fast path gave the time {time:O} where the general path gives {expectedTime:O}: {text}");
        Assert.True(compact == ReferenceEquals(JsonText.Compact(record), record), $"The fast path says the record is{(compact ? string.Empty : " not")} compact: {text}");
        return true;
    }

    private static List<string> OddRecords()
    {
        var random = new Random(20261206);
        var records = new List<string>();
        for (int i = 0; i < 6_000; i++)
        {
            records.Add(OddRecord(random));
        }

        return records;
    }

    private static string OddRecord(Random random)
    {
        string Pick(string[] from) => from[random.Next(from.Length)];
        string Timestamp() => Pick(Timestamps);
        string eventType = Pick(EventTypes);
        string identity = Pick(Identities);
        string detail = Pick(Details) switch
        {
            "TS" => $"{{\"bounceType\":\"Permanent\",\"timestamp\":{Timestamp()}}}",
            "TS,TS" => $"{{\"timestamp\":{Timestamp()},\"timestamp\":{Timestamp()}}}",
            "NAMEESCAPED" => $"{{\"time\\u0073tamp\":{Timestamp()}}}",
            "NESTED" => $"{{\"x\":{{\"timestamp\":{Timestamp()}}},\"timestamp\":{Timestamp()}}}",
            string other => other,
        };
        string tags = identity == "MISSING" ? "{\"ses:source-ip\":[\"192.0.2.1\"]}" : $"{{\"ses:source-ip\":[\"192.0.2.1\"],\"ses:sender-identity\":{identity}}}";
        string mail = random.Next(4) switch
        {
            0 => $"{{\"tags\":{tags},\"timestamp\":{Timestamp()},\"source\":\"s@example.com\"}}",
            1 => $"{{\"timestamp\":{Timestamp()}}}",
            2 => Pick(["null", "[]", "\"x\"", "{\"tags\":null}", "{\"tags\":[]}", $"{{\"tags\":{tags},\"tags\":{tags}}}"]),
            _ => $"{{\"timestamp\":{Timestamp()},\"tags\":{tags}}}",
        };
        string detailName = Pick(["bounce", "delivery", "open", "deliveryDelay", "failure", "send", "click"]);
        var members = new List<string>
        {
            $"\"eventType\":{eventType}",
            $"\"mail\":{mail}",
            detail == "MISSING" ? "\"x\":1" : $"\"{detailName}\":{detail}",
        };
        if (random.Next(8) == 0)
        {
            members.RemoveAt(random.Next(members.Count));
        }

        string body = string.Join(random.Next(5) == 0 ? ",\n  " : ",", members.OrderBy(_ => random.Next()));
        string record = "{" + Pick(Extras) + body + "}";
        return random.Next(6) switch
        {
            0 => record.Replace("\":", "\": ", StringComparison.Ordinal),
            1 => record.Replace("\":", "\" :", StringComparison.Ordinal),
            2 => record.Replace("[", "[ ", StringComparison.Ordinal).Replace("}", "}\t", StringComparison.Ordinal),
            3 => " " + record + "\r\n",
            _ => record,
        };
    }
}
