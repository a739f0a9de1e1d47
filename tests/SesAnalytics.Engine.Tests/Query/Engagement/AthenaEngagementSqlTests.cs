using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Query.Engagement;
using SesAnalytics.Engine.Query.Grouping;
using Xunit.Abstractions;

namespace SesAnalytics.Engine.Tests.Query.Engagement;

public sealed class AthenaEngagementSqlTests(ITestOutputHelper output)
{
    private static readonly AthenaTarget Target = new("ses-analytics", "sesanalytics", "events");
    private static readonly DayRange OneDay = new(new DateOnly(2024, 3, 8), new DateOnly(2024, 3, 8));

    [Fact]
    public void Engagement_query_snapshot()
    {
        var query = new EngagementQuery(["example.com"], OneDay, GroupBy.Parse(["Tag:campaign"]), total: false, TimeSpan.FromSeconds(5), includeProxyOpens: false);

        AthenaStatement statement = AthenaEngagementQuery.Render(query, ["example.com"], Target);

        output.WriteLine(statement.Text);
        Assert.Equal(Snapshots.Engagement, statement.Text);
        Assert.Equal(
            ["'example.com'", "'Delivery'", "'2024/03/07'", "'2024/03/08'", "'2024/03/09'", "'example.com'", "'Open'", "'2024/03/08'",
             "'example.com'", "'Click'", "'2024/03/08'", "'5000'", "'campaign'", "'2024/03/08'", "'2024/03/08'"],
            statement.ExecutionParameters);
    }

    [Fact]
    public void Links_query_snapshot()
    {
        var query = new LinkQuery(["example.com"], OneDay, GroupBy.Parse(["RecipientDomain"]), top: 10);

        AthenaStatement statement = AthenaEngagementQuery.RenderLinks(query, ["example.com"], Target);

        output.WriteLine(statement.Text);
        Assert.Equal(Snapshots.Links, statement.Text);
        Assert.Equal(["'example.com'", "'Click'", "'2024/03/08'"], statement.ExecutionParameters);
    }

    [Fact]
    public void Every_value_travels_only_as_a_parameter()
    {
        const string Evil = "x' OR '1'='1'; DROP TABLE events; --";
        string[] identities = [Evil, "beta@example.org"];
        var days = new DayRange(new DateOnly(2024, 3, 8), new DateOnly(2024, 3, 9));
        var engagement = new EngagementQuery(identities, days, GroupBy.Parse(["Identity", "Tag:" + Evil, "RecipientDomain"]), total: true, TimeSpan.FromMilliseconds(1234), includeProxyOpens: true);
        var links = new LinkQuery(identities, days, GroupBy.Parse(["Tag:" + Evil]), top: 3);

        foreach (AthenaStatement statement in new[] { AthenaEngagementQuery.Render(engagement, identities, Target), AthenaEngagementQuery.RenderLinks(links, identities, Target) })
        {
            foreach (string value in new[] { "DROP", "beta@example.org", "2024/03/0", "1234" })
            {
                Assert.DoesNotContain(value, statement.Text, StringComparison.OrdinalIgnoreCase);
            }

            Assert.Equal(statement.Text.Count(c => c == '?'), statement.ExecutionParameters.Count);
            Assert.All(statement.ExecutionParameters, p => Assert.Matches("^'([^']|'')*'$", p));
            Assert.Contains("'beta@example.org'", statement.ExecutionParameters);
            Assert.Contains("'" + Evil.Replace("'", "''", StringComparison.Ordinal).ToLowerInvariant() + "'", statement.ExecutionParameters);
        }
    }

    private static class Snapshots
    {
        public const string Engagement = "";

        public const string Links = "";
    }
}
