using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Select;

namespace SesAnalytics.Engine.Tests.Select;

public sealed class SelectParserTests
{
    [Theory]
    [InlineData("SELECT * FROM S3Object[*] s")]
    [InlineData("select * from s3object[*] AS s")]
    [InlineData("SELECT * FROM S3Object s")]
    [InlineData("SELECT * FROM S3Object")]
    [InlineData("SELECT * FROM S3Object[*] s;")]
    [InlineData("SELECT s.mail.messageId FROM S3Object[*] s")]
    [InlineData("SELECT s.bounce.bouncedRecipients[0].emailAddress AS email FROM S3Object[*] s")]
    [InlineData("SELECT s.mail.tags.\"ses:sender-identity\"[0] FROM S3Object[*] s")]
    [InlineData("SELECT s.mail['messageId'] FROM S3Object[*] s")]
    [InlineData("SELECT s.eventType, s.mail.source src FROM S3Object[*] s WHERE s.eventType = 'Bounce' LIMIT 5")]
    [InlineData("SELECT * FROM S3Object[*] s WHERE s.a != 1 AND s.b <> 2 OR NOT (s.c < 3 AND s.d <= 4 AND s.e > 5 AND s.f >= 6)")]
    [InlineData("SELECT * FROM S3Object[*] s WHERE s.a LIKE 'x%_' ESCAPE '!' AND s.b NOT LIKE '%y'")]
    [InlineData("SELECT * FROM S3Object[*] s WHERE s.a IN ('x', 'y', 3) AND s.b NOT IN (1)")]
    [InlineData("SELECT * FROM S3Object[*] s WHERE s.a BETWEEN 1 AND 10 AND s.b NOT BETWEEN -5.5 AND 1e3")]
    [InlineData("SELECT * FROM S3Object[*] s WHERE s.a IS NULL AND s.b IS NOT NULL AND s.c IS MISSING AND s.d IS NOT MISSING")]
    [InlineData("SELECT * FROM S3Object[*] s WHERE s.a = TRUE OR s.b = false OR s.c = NULL OR s.d = 'it''s'")]
    [InlineData("SELECT COUNT(*), COUNT(s.a), SUM(s.n), AVG(s.n), MIN(s.n), MAX(s.n) FROM S3Object[*] s")]
    [InlineData("SELECT LOWER(s.a), UPPER(s.a), CHAR_LENGTH(s.a), CHARACTER_LENGTH(s.a), COALESCE(s.a, s.b, 'x'), NULLIF(s.a, '') FROM S3Object[*] s")]
    [InlineData("SELECT s.a + 1, s.b - -2 * (s.c / 4) % 3, -s.d FROM S3Object[*] s WHERE s.a * 2 > s.b + 1")]
    [InlineData("SELECT CAST(s.a AS INT), CAST(s.a AS integer), CAST(s.a AS STRING), CAST(s.a AS FLOAT), CAST(s.a AS DECIMAL), CAST(s.a AS BOOL) FROM S3Object[*] s")]
    [InlineData("SELECT SUBSTRING(s.a FROM 2), SUBSTRING(s.a FROM 2 FOR 3), SUBSTRING(s.a, 2), SUBSTRING(s.a, 2, 3) FROM S3Object[*] s")]
    [InlineData("SELECT TRIM(s.a), TRIM(LEADING FROM s.a), TRIM(TRAILING 'x' FROM s.a), TRIM(BOTH 'xy' FROM s.a), TRIM('x' FROM s.a) FROM S3Object[*] s")]
    [InlineData("SELECT SUM(CAST(s.n AS INT)) + 1 FROM S3Object[*] s")]
    [InlineData("SELECT CAST(s.t AS TIMESTAMP), TO_TIMESTAMP(s.t), UTCNOW() FROM S3Object[*] s WHERE TO_TIMESTAMP(s.t) < UTCNOW()")]
    public void ParsesSupportedConstructs(string expression)
    {
        SelectQuery query = SelectQuery.Parse(expression);
        Assert.Equal(expression, query.Text);
    }

    [Fact]
    public void ReadsLimitAndAggregates()
    {
        Assert.Equal(7, SelectQuery.Parse("SELECT * FROM S3Object[*] s LIMIT 7").Limit);
        Assert.True(SelectQuery.Parse("SELECT COUNT(*) FROM S3Object[*] s").IsAggregate);
        Assert.False(SelectQuery.Parse("SELECT s.a FROM S3Object[*] s").IsAggregate);
    }

    [Theory]
    [InlineData("SELECT s.mail.messageId FROM S3Object[*] s", "messageId")]
    [InlineData("SELECT s.mail.messageId AS id FROM S3Object[*] s", "id")]
    [InlineData("SELECT s.mail.messageId id FROM S3Object[*] s", "id")]
    [InlineData("SELECT s.mail.tags.\"ses:sender-identity\"[0] FROM S3Object[*] s", "_1")]
    [InlineData("SELECT eventType FROM S3Object", "eventType")]
    [InlineData("SELECT s FROM S3Object[*] s", "_1")]
    [InlineData("SELECT COUNT(*) FROM S3Object[*] s", "_1")]
    [InlineData("SELECT 'x' FROM S3Object[*] s", "_1")]
    public void NamesProjections(string expression, string name)
    {
        Assert.Equal(name, Assert.Single(SelectQuery.Parse(expression).OutputNames));
    }

    [Fact]
    public void NamesUnnamedProjectionsByPosition()
    {
        SelectQuery query = SelectQuery.Parse("SELECT s.a, LOWER(s.b), s.c[0], s.d.e FROM S3Object[*] s");
        Assert.Equal(["a", "_2", "_3", "e"], query.OutputNames);
    }

    [Theory]
    [InlineData("SELECT * FROM S3Object[*] s GROUP BY s.a", "GROUP BY", 29)]
    [InlineData("SELECT * FROM S3Object[*] s ORDER BY s.a", "ORDER BY", 29)]
    [InlineData("SELECT * FROM S3Object[*] s WHERE s.a = 1 HAVING s.b = 1", "HAVING", 43)]
    [InlineData("SELECT * FROM S3Object[*] s JOIN S3Object t", "a JOIN", 29)]
    [InlineData("SELECT * FROM S3Object[*] s, S3Object t", "a join", 28)]
    [InlineData("SELECT * FROM S3Object[*] s WHERE s.a IN (SELECT 1 FROM S3Object)", "a subquery", 43)]
    [InlineData("SELECT * FROM (SELECT * FROM S3Object)", "a subquery", 15)]
    [InlineData("SELECT * FROM S3Object[*] s WHERE (SELECT 1) = 1", "a subquery", 36)]
    [InlineData("SELECT DISTINCT s.a FROM S3Object[*] s", "SELECT DISTINCT", 8)]
    [InlineData("SELECT CAST(s.a AS DATE) FROM S3Object[*] s", "CAST to DATE", 20)]
    [InlineData("SELECT DATE_ADD(day, 1, s.a) FROM S3Object[*] s", "the function DATE_ADD", 8)]
    [InlineData("SELECT EXTRACT(YEAR FROM s.a) FROM S3Object[*] s", "the function EXTRACT", 8)]
    [InlineData("SELECT CASE WHEN s.a = 1 THEN 2 END FROM S3Object[*] s", "CASE", 8)]
    [InlineData("SELECT s.a || 'x' FROM S3Object[*] s", "the operator '||'", 12)]
    [InlineData("SELECT s.a[*] FROM S3Object[*] s", "a wildcard path step ([*])", 12)]
    [InlineData("SELECT s.a.* FROM S3Object[*] s", "a wildcard path step (.*)", 12)]
    [InlineData("SELECT * FROM S3Object[*].mail s", "a FROM path (S3Object[*].path)", 26)]
    [InlineData("SELECT * FROM S3Object[0] s", "a FROM path other than S3Object[*]", 23)]
    [InlineData("SELECT COUNT(*), s.a FROM S3Object[*] s", "a value that is not aggregated beside an aggregate function", 18)]
    [InlineData("SELECT * FROM S3Object[*] s WHERE COUNT(*) > 1", "the aggregate function COUNT outside the SELECT list", 35)]
    [InlineData("SELECT SUM(MAX(s.a)) FROM S3Object[*] s", "the aggregate function MAX inside another aggregate", 12)]
    [InlineData("SELECT COUNT(DISTINCT s.a) FROM S3Object[*] s", "COUNT(DISTINCT …)", 14)]
    [InlineData("SELECT * FROM S3Object[*] s WHERE s.a IS TRUE", "IS TRUE", 42)]
    public void RejectsUnsupportedSyntaxWithConstructAndPosition(string expression, string construct, int position)
    {
        InvalidInputException error = Assert.Throws<InvalidInputException>(() => SelectQuery.Parse(expression));
        Assert.Equal("UnsupportedSelectSyntax", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains(construct, error.Message, StringComparison.Ordinal);
        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
        Assert.Equal(position, error.Target);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("SELECT FROM S3Object", 8)]
    [InlineData("SELECT * FROM S3Object[*] s WHERE", 34)]
    [InlineData("SELECT * FROM Table1", 15)]
    [InlineData("SELECT * FROM S3Object[*] s WHERE s.a = 'open", 41)]
    [InlineData("SELECT * FROM S3Object[*] s WHERE s.\"open = 1", 37)]
    [InlineData("SELECT * FROM S3Object[*] s LIMIT x", 35)]
    [InlineData("SELECT * FROM S3Object[*] s WHERE s.a = 1 s.b", 43)]
    [InlineData("SELECT * FROM S3Object[*] s WHERE s.a = #", 41)]
    [InlineData("SELECT NULLIF(s.a) FROM S3Object[*] s", 8)]
    [InlineData("SELECT * FROM S3Object[*] s WHERE s.a IS 1", 42)]
    public void RejectsInvalidSyntaxWithPosition(string expression, int position)
    {
        InvalidInputException error = Assert.Throws<InvalidInputException>(() => SelectQuery.Parse(expression));
        Assert.Equal("InvalidSelectSyntax", error.ErrorId);
        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
    }
}
