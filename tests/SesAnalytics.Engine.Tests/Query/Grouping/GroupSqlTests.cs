using DuckDB.NET.Data;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Query.Grouping;

public sealed class GroupSqlTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 3, 8);
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void DuckDbReadsEveryKeyOfEachRecipient()
    {
        string path = _store.Add(
            "a.example",
            "Bounce",
            Day,
            """{"eventType":"Bounce","mail":{"source":"\"News\" <news@Mail.Example.com>","destination":["x@y.test"],"tags":{"ses:configuration-set":["cs1"],"Campaign":["spring","x"]}},"bounce":{"bouncedRecipients":[{"emailAddress":"a@XN--BCHER-KVA.example"},{"emailAddress":"\"B\" <b@c.test>"}]}}""",
            """{"eventType":"Bounce","mail":{"source":"s@d.test","tags":{"ses:from-domain":["from.test"]}},"bounce":{"bouncedRecipients":[{"emailAddress":"c@c.test"}]}}""");
        var grouping = new GroupBy([GroupKey.Identity, GroupKey.ConfigurationSet, GroupKey.RecipientDomain, GroupKey.FromDomain, GroupKey.Parse("tag:CAMPAIGN")]);
        var columns = GroupSql.AddDuckDbRecipientColumns(GroupSql.AddDuckDbColumns(new DuckDbColumns(), grouping), SesEventType.Bounce);
        var parameters = new SqlParameters();
        string identity = parameters.Bind("a.example");
        string keys = string.Join(", ", grouping.Keys.Select(k => GroupSql.DuckDb(k, "recipient", identity, parameters)));
        string sql = $"SELECT {keys} FROM (SELECT *, unnest({GroupSql.DuckDbRecipients(SesEventType.Bounce)}) AS recipient " +
            $"FROM {DuckDbJson.Read([path], columns.Render(), ignoreErrors: false)}) ORDER BY recipient";

        List<GroupValues> rows = Run(sql, parameters, grouping);

        Assert.Equal(
            [
                "a.example / cs1 / c.test / mail.example.com / spring",
                "a.example / cs1 / bücher.example / mail.example.com / spring",
                "a.example / - / c.test / from.test / -",
            ],
            rows.Select(r => r.Label));
        Assert.Equal("spring", rows[0].Tags["campaign"]);
    }

    [Fact]
    public void AthenaBindsTagNamesAndReadsTheTagMap()
    {
        var parameters = new AthenaParameters();

        string sql = GroupSql.Athena(GroupKey.Tag("Campaign"), "recipient", parameters);

        Assert.Equal("element_at(element_at(mail.tags, ?), 1)", sql);
        Assert.Equal(["'campaign'"], parameters.Values);
        Assert.Contains("WHEN 'Bounce' THEN transform(bounce.bouncedrecipients, r -> r.emailaddress)", GroupSql.AthenaRecipientsOfAnyType, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("identity", "Identity")]
    [InlineData("ConfigSet", "ConfigurationSet")]
    [InlineData(" RecipientDomain ", "RecipientDomain")]
    [InlineData("fromdomain", "FromDomain")]
    [InlineData("TAG:Campaign", "Tag:campaign")]
    public void ParsesWhatUsersType(string text, string expected) => Assert.Equal(expected, GroupKey.Parse(text).ToString());

    [Theory]
    [InlineData("Domain")]
    [InlineData("Tag:")]
    public void RejectsUnknownKeys(string text)
    {
        var error = Assert.Throws<SesAnalytics.Engine.Errors.InvalidInputException>(() => GroupKey.Parse(text));
        Assert.Equal("InvalidGroupBy", error.ErrorId);
    }

    [Fact]
    public void GroupValuesFoldSpellingsOfOneDomain()
    {
        var grouping = new GroupBy([GroupKey.RecipientDomain]);

        Assert.Equal(new GroupValues(grouping, ["XN--BCHER-KVA.example."]), new GroupValues(grouping, ["bücher.example"]));
        Assert.Null(new GroupValues(grouping, [""]).RecipientDomain);
    }

    private static List<GroupValues> Run(string sql, SqlParameters parameters, GroupBy grouping)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (object value in parameters.Values)
        {
            command.Parameters.Add(new DuckDBParameter(value));
        }

        using var reader = command.ExecuteReader();
        var rows = new List<GroupValues>();
        while (reader.Read())
        {
            rows.Add(new GroupValues(grouping, Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i))));
        }

        return rows;
    }
}
