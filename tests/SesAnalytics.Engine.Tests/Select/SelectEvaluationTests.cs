using SesAnalytics.Engine.Tests.Support;
using System.Text;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Select;
using static SesAnalytics.Engine.Tests.Select.SelectRunner;

namespace SesAnalytics.Engine.Tests.Select;

[Collection(nameof(MeasuresMemoryCollection))]
public sealed class SelectEvaluationTests
{
    private static readonly string[] People =
    [
        """{"name":"Ann","age":30,"tags":{"Team":["a","b"]},"city":null}""",
        """{"name":"Bob","age":41.5}""",
        """{"name":"Cy","age":"old","city":"Paris"}""",
    ];

    [Fact]
    public async Task SelectStarReturnsEachRecordAsIs()
    {
        List<string> records = await RunAsync("SELECT * FROM S3Object[*] s", """{ "a" : 1, "b":[1, 2.50] }""", """{"c":"<x>"}""");
        Assert.Equal(["""{"a":1,"b":[1,2.50]}""", """{"c":"<x>"}"""], records);
    }

    [Fact]
    public async Task ProjectionOmitsMissingButKeepsNull()
    {
        List<string> records = await RunAsync("SELECT s.name, s.city, s.nothing FROM S3Object[*] s", People);
        Assert.Equal(["""{"name":"Ann","city":null}""", """{"name":"Bob"}""", """{"name":"Cy","city":"Paris"}"""], records);
    }

    [Fact]
    public async Task NamesOutputByAliasLastStepOrPosition()
    {
        List<string> records = await RunAsync("SELECT s.name AS who, s.tags.Team[1], s.age FROM S3Object[*] s LIMIT 1", People);
        Assert.Equal(["""{"who":"Ann","_2":"b","age":30}"""], records);
    }

    [Fact]
    public async Task UnquotedNamesIgnoreCaseQuotedNamesDoNot()
    {
        Assert.Equal(["""{"NAME":"Ann"}"""], await RunAsync("SELECT s.NAME FROM S3Object[*] s LIMIT 1", People));
        Assert.Equal(["""{"team":["a","b"]}"""], await RunAsync("SELECT S.TAGS.team FROM S3Object[*] s LIMIT 1", People));
        Assert.Equal(["{}"], await RunAsync("SELECT s.\"NAME\" FROM S3Object[*] s LIMIT 1", People));
        Assert.Equal(["""{"Team":["a","b"]}"""], await RunAsync("SELECT s.tags.\"Team\" FROM S3Object[*] s LIMIT 1", People));
        Assert.Equal(["""{"Team":["a","b"]}"""], await RunAsync("SELECT s.tags['Team'] FROM S3Object[*] s LIMIT 1", People));
    }

    [Fact]
    public async Task AmbiguousUnquotedNameFailsAndQuotingChooses()
    {
        string record = """{"id":1,"ID":2}""";
        SesAnalyticsException error = await Assert.ThrowsAsync<SesAnalyticsException>(() => RunAsync("SELECT s.id FROM S3Object[*] s", record));
        Assert.Equal("AmbiguousAttribute", error.ErrorId);
        Assert.Equal(["""{"ID":2}"""], await RunAsync("SELECT s.\"ID\" FROM S3Object[*] s", record));
    }

    [Fact]
    public async Task PathsWithoutAliasNameRecordAttributes()
    {
        Assert.Equal(["""{"name":"Ann"}"""], await RunAsync("SELECT name FROM S3Object LIMIT 1", People));
        Assert.Equal(["""{"name":"Ann"}"""], await RunAsync("SELECT x.name FROM S3Object AS x LIMIT 1", People));
    }

    [Fact]
    public async Task QuotedNamesWithPunctuationAndIndexes()
    {
        string record = """{"mail":{"tags":{"ses:sender-identity":["example.com"],"Ses:Sender-Identity":["other"]}}}""";
        List<string> records = await RunAsync("SELECT s.mail.tags.\"ses:sender-identity\"[0] AS identity, s.mail.tags.\"ses:sender-identity\"[5] AS none FROM S3Object[*] s", record);
        Assert.Equal(["""{"identity":"example.com"}"""], records);
    }

    [Theory]
    [InlineData("s.city IS NULL", "Ann,Bob")]
    [InlineData("s.city IS NOT NULL", "Cy")]
    [InlineData("s.city IS MISSING", "Bob")]
    [InlineData("s.city IS NOT MISSING", "Ann,Cy")]
    [InlineData("s.city = NULL", "")]
    [InlineData("s.city != 'Paris'", "")]
    [InlineData("NOT (s.city = 'Paris')", "")]
    [InlineData("s.city = 'Paris' OR s.name = 'Bob'", "Bob,Cy")]
    [InlineData("s.age = 30", "Ann")]
    [InlineData("s.age = 30.0", "Ann")]
    [InlineData("s.age > 30", "Bob")]
    [InlineData("s.age >= 30 AND s.age < 41.5", "Ann")]
    [InlineData("s.age <= 41.5", "Ann,Bob")]
    [InlineData("s.age = 'old'", "Cy")]
    [InlineData("s.age > 'a'", "Cy")]
    [InlineData("s.age != 30", "Bob,Cy")]
    [InlineData("s.age <> 30", "Bob,Cy")]
    [InlineData("s.name > 'B'", "Bob,Cy")]
    [InlineData("s.name < 'b'", "Ann,Bob,Cy")]
    [InlineData("s.age BETWEEN 30 AND 40", "Ann")]
    [InlineData("s.age NOT BETWEEN 30 AND 40", "Bob")]
    [InlineData("s.name IN ('Ann', 'Cy', 3)", "Ann,Cy")]
    [InlineData("s.name NOT IN ('Ann')", "Bob,Cy")]
    [InlineData("s.age IN (30, 'old')", "Ann,Cy")]
    [InlineData("s.city NOT IN ('Rome')", "Cy")]
    [InlineData("s.name LIKE 'A%'", "Ann")]
    [InlineData("s.name LIKE '_o_'", "Bob")]
    [InlineData("s.name LIKE '%'", "Ann,Bob,Cy")]
    [InlineData("s.name NOT LIKE '%n%'", "Bob,Cy")]
    [InlineData("s.name LIKE 'a%'", "")]
    [InlineData("s.age LIKE '3%'", "")]
    [InlineData("s.tags.Team[0] = 'a'", "Ann")]
    [InlineData("LOWER(s.name) = 'ann'", "Ann")]
    [InlineData("UPPER(s.name) = 'BOB'", "Bob")]
    [InlineData("CHAR_LENGTH(s.name) = 2", "Cy")]
    [InlineData("COALESCE(s.city, 'none') = 'none'", "Ann,Bob")]
    [InlineData("NULLIF(s.name, 'Ann') IS NULL", "Ann")]
    [InlineData("TRUE", "Ann,Bob,Cy")]
    [InlineData("s.name", "")]
    public async Task FiltersWithThreeValuedLogic(string condition, string expected)
    {
        List<string> records = await RunAsync($"SELECT s.name FROM S3Object[*] s WHERE {condition}", People);
        Assert.Equal(expected, string.Join(",", records.Select(r => r[9..^2])));
    }

    [Theory]
    [InlineData("100%", "'100!%' ESCAPE '!'", true)]
    [InlineData("1000", "'100!%' ESCAPE '!'", false)]
    [InlineData("a_b", "'a\\_b' ESCAPE '\\'", true)]
    [InlineData("axb", "'a\\_b' ESCAPE '\\'", false)]
    [InlineData("a!b", "'a!!b' ESCAPE '!'", true)]
    [InlineData("abcabd", "'%abd'", true)]
    [InlineData("abcab", "'%a%b%c'", false)]
    [InlineData("ab", "'a%%b'", true)]
    public async Task LikeHonoursEscape(string value, string pattern, bool matches)
    {
        List<string> records = await RunAsync($"SELECT * FROM S3Object[*] s WHERE s.v LIKE {pattern}", $$"""{"v":"{{value}}"}""");
        Assert.Equal(matches ? 1 : 0, records.Count);
    }

    [Fact]
    public async Task LikeWithLongEscapeFails()
    {
        InvalidInputException error = await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync("SELECT * FROM S3Object[*] s WHERE s.v LIKE 'x' ESCAPE '!!'", """{"v":"x"}"""));
        Assert.Equal("InvalidLikeEscape", error.ErrorId);
    }

    [Theory]
    [InlineData("1 + 2", "3")]
    [InlineData("7 / 2", "3")]
    [InlineData("7.0 / 2", "3.5")]
    [InlineData("7 % 3", "1")]
    [InlineData("2 * 3 + 4", "10")]
    [InlineData("2 * (3 + 4)", "14")]
    [InlineData("-s.n - 1", "-6")]
    [InlineData("s.n * 0.5", "2.5")]
    [InlineData("s.n + 1e0", "6")]
    [InlineData("s.n + s.nothing", null)]
    [InlineData("s.n + s.none", "null")]
    [InlineData("s.n + s.text", null)]
    [InlineData("CAST(s.text AS INT)", "42")]
    [InlineData("CAST(s.n AS STRING)", "\"5\"")]
    [InlineData("CAST('2.75' AS DECIMAL)", "2.75")]
    [InlineData("CAST(2.75 AS INT)", "2")]
    [InlineData("CAST('true' AS BOOL)", "true")]
    [InlineData("CAST(s.none AS INT)", "null")]
    [InlineData("SUBSTRING('123456789', 0)", "\"123456789\"")]
    [InlineData("SUBSTRING('123456789', 1)", "\"123456789\"")]
    [InlineData("SUBSTRING('123456789', 2)", "\"23456789\"")]
    [InlineData("SUBSTRING('123456789' FROM 2 FOR 3)", "\"234\"")]
    [InlineData("SUBSTRING('123456789', 0, 999)", "\"123456789\"")]
    [InlineData("SUBSTRING('1234567890', -2, 5)", "\"12\"")]
    [InlineData("TRIM('   foobar   ')", "\"foobar\"")]
    [InlineData("TRIM(LEADING FROM '   foobar   ')", "\"foobar   \"")]
    [InlineData("TRIM(TRAILING FROM '   foobar   ')", "\"   foobar\"")]
    [InlineData("TRIM(BOTH '12' FROM '1112211foobar22211122')", "\"foobar\"")]
    [InlineData("TO_TIMESTAMP('2017-08-05T00:41:02.669Z')", "\"2017-08-05T00:41:02.669Z\"")]
    [InlineData("CAST('2018-10-08T14:05:45 +0000' AS TIMESTAMP)", "\"2018-10-08T14:05:45Z\"")]
    [InlineData("TO_TIMESTAMP('2018-10-08T16:05:45+02:00')", "\"2018-10-08T16:05:45+02:00\"")]
    [InlineData("TO_TIMESTAMP('2018-10-08T16:05:45+02:00') = TO_TIMESTAMP('2018-10-08T14:05:45Z')", "true")]
    [InlineData("TO_TIMESTAMP('2018-10-08T14:05:46Z') > TO_TIMESTAMP('2018-10-08T14:05:45 +0000')", "true")]
    [InlineData("UTCNOW() > TO_TIMESTAMP('2020-01-01T00:00:00Z')", "true")]
    [InlineData("TO_TIMESTAMP('2020-01-01T00:00:00Z') = '2020-01-01T00:00:00Z'", "false")]
    public async Task ComputesValues(string expression, string? expected)
    {
        List<string> records = await RunAsync($"SELECT {expression} AS v FROM S3Object[*] s", """{"n":5,"text":" 42 ","none":null}""");
        Assert.Equal(expected is null ? "{}" : $$"""{"v":{{expected}}}""", Assert.Single(records));
    }

    [Theory]
    [InlineData("SELECT 1 / (s.n - 5) FROM S3Object[*] s", "DivisionByZero")]
    [InlineData("SELECT CAST(s.word AS INT) FROM S3Object[*] s", "CastFailed")]
    [InlineData("SELECT TO_TIMESTAMP(s.word) FROM S3Object[*] s", "CastFailed")]
    public async Task FailsOnImpossibleValues(string expression, string errorId)
    {
        SesAnalyticsException error = await Assert.ThrowsAsync<SesAnalyticsException>(() => RunAsync(expression, """{"n":5,"word":"five"}"""));
        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains("Line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindsTheLatestTimestamp()
    {
        List<string> records = await RunAsync(
            "SELECT MAX(TO_TIMESTAMP(s.t)) AS latest, MIN(TO_TIMESTAMP(s.t)) AS earliest FROM S3Object[*] s",
            """{"t":"2017-08-05T00:41:02.669Z"}""",
            """{"t":"2018-10-08T14:05:45 +0000"}""",
            """{"t":"2016-01-01T00:00:00Z"}""");
        Assert.Equal(["""{"latest":"2018-10-08T14:05:45Z","earliest":"2016-01-01T00:00:00Z"}"""], records);
    }

    [Fact]
    public async Task SumsCastStrings()
    {
        Assert.Equal(["""{"_1":3581291}"""], await RunAsync("SELECT SUM(CAST(s.size AS INT)) FROM S3Object[*] s WHERE s.key LIKE 'folder/%' AND s.key != 'folder/'", """{"key":"folder/","size":"0"}""", """{"key":"folder/a","size":"2011267"}""", """{"key":"folder/b","size":"1570024"}"""));
    }

    [Fact]
    public async Task LimitStopsEarly()
    {
        Assert.Equal(2, (await RunAsync("SELECT * FROM S3Object[*] s LIMIT 2", People)).Count);
        Assert.Empty(await RunAsync("SELECT * FROM S3Object[*] s LIMIT 0", People));
        Assert.Empty(await RunAsync("SELECT COUNT(*) FROM S3Object[*] s LIMIT 0", People));
    }

    [Fact]
    public async Task AggregatesSkipNullAndMissing()
    {
        string[] lines = ["""{"n":1}""", """{"n":2.5}""", """{"n":null}""", """{"m":4}""", """{"n":3}"""];
        List<string> records = await RunAsync("SELECT COUNT(*), COUNT(s.n) AS c, SUM(s.n) AS total, AVG(s.n) AS mean, MIN(s.n) AS low, MAX(s.n) AS high FROM S3Object[*] s", lines);
        Assert.Equal(["""{"_1":5,"c":3,"total":6.5,"mean":2.1666666666666666666666666667,"low":1,"high":3}"""], records);
    }

    [Fact]
    public async Task AggregatesRespectWhere()
    {
        Assert.Equal(["""{"_1":2}"""], await RunAsync("SELECT COUNT(*) FROM S3Object[*] s WHERE s.age IS NOT MISSING AND s.name != 'Cy'", People));
        Assert.Equal(["""{"_1":"Ann","_2":"Cy"}"""], await RunAsync("SELECT MIN(s.name), MAX(s.name) FROM S3Object[*] s", People));
    }

    [Fact]
    public async Task AggregatesOverNothingGiveZeroCountAndNulls()
    {
        List<string> records = await RunAsync("SELECT COUNT(*), COUNT(s.n), SUM(s.n), AVG(s.n), MIN(s.n), MAX(s.n) FROM S3Object[*] s WHERE s.n > 100", """{"n":1}""");
        Assert.Equal(["""{"_1":0,"_2":0,"_3":null,"_4":null,"_5":null,"_6":null}"""], records);
        Assert.Equal(["""{"_1":0}"""], await RunAsync("SELECT COUNT(*) FROM S3Object[*] s"));
    }

    [Fact]
    public async Task SumOfStringsFailsNamingTheLine()
    {
        SesAnalyticsException error = await Assert.ThrowsAsync<SesAnalyticsException>(() => RunAsync("SELECT SUM(s.age) FROM S3Object[*] s", People));
        Assert.Equal("IncompatibleAggregateInput", error.ErrorId);
        Assert.Contains("Line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedLineFailsNamingTheLine()
    {
        SesAnalyticsException error = await Assert.ThrowsAsync<SesAnalyticsException>(() => RunAsync("SELECT * FROM S3Object[*] s", """{"a":1}""", "", """{"a":""", """{"a":3}"""));
        Assert.Equal("MalformedRecord", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Contains("Line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadsGzipAndSkipsBlankLines()
    {
        using var input = new MemoryStream(Gzip("{\"a\":1}\n\n{\"a\":2}\r\n{\"a\":3}"));
        List<string> records = await CollectAsync(SelectQuery.Parse("SELECT s.a FROM S3Object[*] s WHERE s.a >= 2"), input, gzip: true);
        Assert.Equal(["""{"a":2}""", """{"a":3}"""], records);
        Assert.True(input.CanRead, "The caller's stream stays open.");
    }

    [Fact]
    public async Task NotGzipFailsAsMalformed()
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("{\"a\":1}\n"));
        SesAnalyticsException error = await Assert.ThrowsAsync<SesAnalyticsException>(() => CollectAsync(SelectQuery.Parse("SELECT * FROM S3Object"), input, gzip: true));
        Assert.Equal("MalformedRecord", error.ErrorId);
    }

    [Fact]
    public async Task ScalarRecordsAreWrappedForSelectStar()
    {
        Assert.Equal(["""{"_1":5}"""], await RunAsync("SELECT * FROM S3Object", "5"));
    }

    [Fact]
    public async Task StopsWhenCancelled()
    {
        using var cancel = new CancellationTokenSource();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":1}\n", 1000))));
        int seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (string record in SelectQuery.Parse("SELECT * FROM S3Object").EvaluateAsync(input, false, cancel.Token))
            {
                if (++seen == 3)
                {
                    await cancel.CancelAsync();
                }
            }
        });
        Assert.Equal(3, seen);
    }

    [Fact]
    public async Task StreamsLargeInputInConstantMemory()
    {
        using var input = new RepeatingStream("{\"eventType\":\"Bounce\",\"n\":1}\n"u8.ToArray(), 200_000);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        List<string> records = await CollectAsync(SelectQuery.Parse("SELECT COUNT(*), SUM(s.n) FROM S3Object[*] s WHERE s.eventType = 'Bounce'"), input, gzip: false);
        long after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Equal(["""{"_1":200000,"_2":200000}"""], records);
        Assert.True(after - before < 5_000_000, $"Memory grew by {after - before} bytes.");
    }

    private sealed class RepeatingStream(byte[] line, int times) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => (long)line.Length * times;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int written = 0;
            while (written < count && _position < Length)
            {
                buffer[offset + written++] = line[(int)(_position++ % line.Length)];
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
