using System.Text.Json;
using SesAnalytics.Engine.Select;
using static SesAnalytics.Engine.Tests.Select.SelectRunner;

namespace SesAnalytics.Engine.Tests.Select;

/// <summary>The AWS documented example of each event type, compacted into one GZIP JSON-lines object as Firehose writes it.</summary>
public sealed class SelectFixtureTests
{
    private static readonly string FixtureDirectory = Path.Combine(FindRepoRoot(), "..", "shared", "fixtures", "ses-events");

    [SkippableFact]
    public async Task SelectStarReturnsEveryEvent()
    {
        List<string> records = await RunOnFixturesAsync("SELECT * FROM S3Object[*] s");
        Assert.Equal(10, records.Count);
    }

    [SkippableFact]
    public async Task FiltersBouncesAndProjectsTheRecipient()
    {
        List<string> records = await RunOnFixturesAsync(
            "SELECT s.mail.messageId, s.bounce.bouncedRecipients[0].emailAddress, s.bounce.bounceType AS type FROM S3Object[*] s WHERE s.eventType = 'Bounce'");
        Assert.Equal(
            ["""{"messageId":"EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000","emailAddress":"recipient@example.com","type":"Permanent"}"""],
            records);
    }

    [SkippableFact]
    public async Task CountsEventsAndTypes()
    {
        Assert.Equal(["""{"_1":10}"""], await RunOnFixturesAsync("SELECT COUNT(*) FROM S3Object[*] s"));
        Assert.Equal(["""{"n":3}"""], await RunOnFixturesAsync("SELECT COUNT(*) AS n FROM S3Object[*] s WHERE s.eventType IN ('Bounce', 'Complaint', 'Delivery')"));
        Assert.Equal(["""{"_1":1}"""], await RunOnFixturesAsync("SELECT COUNT(*) FROM S3Object[*] s WHERE s.eventType LIKE 'Rendering%'"));
    }

    [SkippableFact]
    public async Task SenderIdentityTagIsMissingOnTheDocumentedExamples()
    {
        List<string> records = await RunOnFixturesAsync("SELECT s.mail.tags.\"ses:sender-identity\"[0] AS identity FROM S3Object[*] s");
        Assert.All(records, r => Assert.Equal("{}", r));
        Assert.Equal(["""{"_1":0}"""], await RunOnFixturesAsync("SELECT COUNT(s.mail.tags.\"ses:sender-identity\"[0]) FROM S3Object[*] s"));
    }

    [SkippableFact]
    public async Task OpenAndClickHaveNoSourceArn()
    {
        List<string> records = await RunOnFixturesAsync("SELECT s.eventType FROM S3Object[*] s WHERE s.mail.sourceArn IS MISSING");
        Assert.Equal(["""{"eventType":"Click"}""", """{"eventType":"Open"}"""], records.Order().ToList());
    }

    private static async Task<List<string>> RunOnFixturesAsync(string expression)
    {
        Skip.IfNot(Directory.Exists(FixtureDirectory), $"The shared SES event fixtures are not at '{FixtureDirectory}'.");
        IEnumerable<string> lines = Directory.GetFiles(FixtureDirectory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(file => JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllText(file)).RootElement));
        using var input = new MemoryStream(Gzip(string.Join("\n", lines) + "\n"));
        return await CollectAsync(SelectQuery.Parse(expression), input, gzip: true);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SesAnalytics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run from inside the SesAnalytics repository.");
    }
}
