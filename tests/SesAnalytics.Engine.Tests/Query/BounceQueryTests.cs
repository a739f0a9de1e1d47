using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Store;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Query;

public sealed class BounceQueryTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 3, 8);
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [SkippableFact]
    public void TheBounceFixtureYieldsOneRecordWithEveryColumn()
    {
        Skip.IfNot(SesRecords.FixturesExist, "The shared SES fixtures (../shared/fixtures/ses-events) are not here.");
        _store.Add("example.com", "Bounce", Day, SesRecords.Fixture("Bounce", "example.com"));

        BounceRecord record = Assert.Single(Query(EventQuery.Bounces(new DayRange(Day, Day))));

        Assert.Equal(
            new BounceRecord(
                Identity: "example.com",
                Day: Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                MessageId: "EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000",
                SendTime: new DateTime(2017, 8, 5, 0, 40, 2, 12, DateTimeKind.Utc),
                Source: "Sender Name <sender@example.com>",
                SendingAccountId: "123456789012",
                Subject: "Message sent from Amazon SES",
                ConfigurationSet: "ConfigSet",
                SourceIp: "192.0.2.0",
                FromDomain: "example.com",
                OutgoingIp: null,
                BounceType: "Permanent",
                BounceSubType: "General",
                FeedbackId: "01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000",
                BounceTime: new DateTime(2017, 8, 5, 0, 41, 2, 669, DateTimeKind.Utc),
                ReportingMta: "dsn; mta.example.com",
                Action: "failed",
                Status: "5.1.1",
                DiagnosticCode: "smtp; 550 5.1.1 user unknown",
                EmailAddress: "recipient@example.com"),
            record);
        Assert.Equal(DateTimeKind.Utc, record.SendTime!.Value.Kind);
    }

    [Fact]
    public void EveryBouncedRecipientIsOneRecord()
    {
        _store.Add("example.com", "Bounce", Day, SesRecords.Bounce("example.com", "Permanent", "a@x.test", "b@x.test"), SesRecords.Bounce("example.com", "Transient", "c@x.test"));

        IReadOnlyList<BounceRecord> records = Query(EventQuery.Bounces(new DayRange(Day, Day)));

        Assert.Equal(["a@x.test", "b@x.test", "c@x.test"], records.Select(r => r.EmailAddress).Order());
    }

    [Fact]
    public void BounceTypeAndRecipientFiltersAreBoundParameters()
    {
        StorePartition partition = new("example.com", Day, [new StoreFolder(SesEventType.Bounce, "/store/x", ["/store/x/a.gz"])]);
        var query = new BounceQuery(EventQuery.Bounces(new DayRange(Day, Day), bounceTypes: ["Permanent"], recipients: ["recip*", "x' OR 1=1 --"]));

        SqlStatement statement = query.Render(partition, ignoreErrors: false);

        Assert.Equal(["Permanent", "recip%", "x' OR 1=1 --"], statement.Parameters);
        Assert.Contains("bounce.bounceType IN ($1)", statement.Text, StringComparison.Ordinal);
        Assert.Contains("ILIKE $2", statement.Text, StringComparison.Ordinal);
        Assert.Contains("ILIKE $3", statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("recip%", statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("OR 1=1", statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RecipientAndBounceTypeFiltersSelectRecords()
    {
        _store.Add(
            "example.com",
            "Bounce",
            Day,
            SesRecords.Bounce("example.com", "Permanent", "recipient1@x.test", "other@x.test"),
            SesRecords.Bounce("example.com", "Transient", "RECIPIENT2@x.test"));

        Assert.Equal(
            ["recipient1@x.test", "RECIPIENT2@x.test"],
            Query(EventQuery.Bounces(new DayRange(Day, Day), recipients: ["recip*"])).Select(r => r.EmailAddress).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(
            ["other@x.test", "recipient1@x.test"],
            Query(EventQuery.Bounces(new DayRange(Day, Day), bounceTypes: ["Permanent"])).Select(r => r.EmailAddress).Order());
        Assert.Equal(
            ["recipient1@x.test"],
            Query(EventQuery.Bounces(new DayRange(Day, Day), bounceTypes: ["Permanent"], recipients: ["*1@*"])).Select(r => r.EmailAddress));
    }

    [Fact]
    public void AnInjectionAttemptIsJustAValueThatMatchesNothing()
    {
        _store.Add("example.com", "Bounce", Day, SesRecords.Bounce("example.com", "Permanent", "a@x.test"));

        Assert.Empty(Query(EventQuery.Bounces(new DayRange(Day, Day), recipients: ["x' OR 1=1 --"])));
        Assert.Empty(Query(EventQuery.Bounces(new DayRange(Day, Day), bounceTypes: ["x' OR 1=1 --"])));
        Assert.Single(Query(EventQuery.Bounces(new DayRange(Day, Day), recipients: ["a@x.test"])));
    }

    [Fact]
    public void APercentInARecipientIsALiteral()
    {
        _store.Add("example.com", "Bounce", Day, SesRecords.Bounce("example.com", "Permanent", "a%b@x.test", "axb@x.test"));

        Assert.Equal(["a%b@x.test"], Query(EventQuery.Bounces(new DayRange(Day, Day), recipients: ["a%b@*"])).Select(r => r.EmailAddress));
    }

    [Fact]
    public void ABracketSetMatchesRecipientsAsPowerShellDoes()
    {
        _store.Add("example.com", "Bounce", Day, SesRecords.Bounce("example.com", "Permanent", "a@x.test", "B@x.test", "c@x.test", "^@x.test"));

        Assert.Equal(["B@x.test", "a@x.test"], Query(EventQuery.Bounces(new DayRange(Day, Day), recipients: ["[ab]*"])).Select(r => r.EmailAddress).Order(StringComparer.Ordinal));
        Assert.Equal(["^@x.test", "a@x.test"], Query(EventQuery.Bounces(new DayRange(Day, Day), recipients: ["[^a]@*"])).Select(r => r.EmailAddress).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnInvalidPatternIsRejectedBeforeReading()
    {
        var error = Assert.Throws<InvalidInputException>(() => LocalStoreQueries.Bounces(_store.Root, EventQuery.Bounces(new DayRange(Day, Day), recipients: ["[ab"]), NullOutputSink.Instance, CancellationToken.None));
        Assert.Equal("InvalidWildcardPattern", error.ErrorId);
    }

    [Fact]
    public void IdentityWildcardsSelectIdentityFolders()
    {
        _store.Add("mail.example.com", "Bounce", Day, SesRecords.Bounce("mail.example.com", "Permanent", "a@x.test"));
        _store.Add("example.org", "Bounce", Day, SesRecords.Bounce("example.org", "Permanent", "b@x.test"));
        _store.Add("hello@example.com", "Bounce", Day, SesRecords.Bounce("hello@example.com", "Permanent", "c@x.test"));

        Assert.Equal(
            ["hello@example.com", "mail.example.com"],
            Query(EventQuery.Bounces(new DayRange(Day, Day), identities: ["*.example.com", "hello@*"])).Select(r => r.Identity).Order());
    }

    [Fact]
    public void AQuoteInAStorePathIsQuotedInTheFileList()
    {
        _store.Add("o'brien.example", "Bounce", Day, SesRecords.Bounce("o'brien.example", "Permanent", "a@x.test"));

        Assert.Equal("o'brien.example", Assert.Single(Query(EventQuery.Bounces(new DayRange(Day, Day)))).Identity);
    }

    [Fact]
    public void GlobCharactersInAStorePathMatchOnlyThemselves()
    {
        // As a glob, 'a[1].example' names 'a1.example', whose object of the same name must not be read instead.
        string own = _store.Add("a[1].example", "Bounce", Day, SesRecords.Bounce("a[1].example", "Permanent", "own@x.test"));
        string other = Path.Combine(_store.FolderOf("a1.example", "Bounce", Day), Path.GetFileName(own));
        Directory.CreateDirectory(Path.GetDirectoryName(other)!);
        File.WriteAllBytes(other, TestStore.Gzip(SesRecords.Bounce("a1.example", "Permanent", "other@x.test") + "\n"));

        Assert.Equal(["own@x.test"], Query(EventQuery.Bounces(new DayRange(Day, Day), identities: ["a`[1`].example"])).Select(r => r.EmailAddress));
    }

    private List<BounceRecord> Query(EventQuery query) =>
        LocalStoreQueries.Bounces(_store.Root, query, NullOutputSink.Instance, CancellationToken.None).ToList();
}
