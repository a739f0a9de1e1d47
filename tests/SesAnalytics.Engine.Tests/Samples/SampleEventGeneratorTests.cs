using System.Text.Json;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Samples;

namespace SesAnalytics.Engine.Tests.Samples;

public sealed class SampleEventGeneratorTests
{
    private static readonly DateOnly Start = new(2024, 3, 1);

    private static SampleEventGenerator Generator(int seed = 1, double missing = 0) =>
        new() { Seed = seed, Start = Start, Days = 7, MissingIdentityFraction = missing };

    [Fact]
    public void TheSameSeedGivesTheSameLines()
    {
        Assert.Equal(Generator(5).GenerateLines(3000), Generator(5).GenerateLines(3000));
    }

    [Fact]
    public void TheOutputOfASeedIsPinnedAcrossRunsAndPlatforms()
    {
        SesEvent first = Generator().Generate(1).Single();

        Assert.Equal("0100018df75047e0-0cf64c95-a477-0754-3f7e-ae9f9fd61614-000000", first.MessageId);
        Assert.Equal(["sybil.3541@webmail.example"], first.Recipients);
        Assert.Equal(new DateTime(2024, 3, 1, 0, 0, 50, 144, DateTimeKind.Utc), first.Timestamp);
    }

    [Fact]
    public void ADifferentSeedGivesDifferentLines()
    {
        List<string> one = Generator(1).GenerateLines(500).ToList();
        List<string> two = Generator(2).GenerateLines(500).ToList();

        Assert.Empty(one.Intersect(two));
    }

    [Fact]
    public void AllTenTypesAppearInTenThousandEvents()
    {
        HashSet<SesEventType> seen = Generator().Generate(10_000).Select(e => e.EventType).ToHashSet();

        Assert.Equal(SesEventTypes.All.Order(), seen.Order());
    }

    [Fact]
    public void EveryLineParsesBackToItselfWithinTheRange()
    {
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var sends = new Dictionary<string, DateTime>();
        foreach (string line in Generator(3).GenerateLines(20_000))
        {
            Assert.DoesNotContain('\n', line);
            Assert.True(SesEventParser.TryParse(line, out SesEvent? e, out string? error), error);
            Assert.Equal(line, e.Json);
            Assert.Contains(e.Identity, SampleEventGenerator.DefaultIdentities);
            Assert.Equal(e.Identity, e.Mail.SenderIdentity);
            Assert.InRange(e.Timestamp, start, start.AddDays(7));
            Assert.True(e.Timestamp >= e.Mail.Timestamp, $"{e.EventType} of {e.MessageId} happens before its mail was sent.");
            Assert.NotEmpty(e.Recipients);
            Assert.NotEmpty(e.MessageId);
            if (e.EventType == SesEventType.Send)
            {
                sends.Add(e.MessageId, e.Timestamp);
            }
            else if (e.EventType != SesEventType.RenderingFailure)
            {
                // Every later event belongs to a message whose Send came before it.
                Assert.True(sends.TryGetValue(e.MessageId, out DateTime sent), $"{e.EventType} of {e.MessageId} has no Send.");
                Assert.True(e.Timestamp >= sent);
            }
        }
    }

    [Fact]
    public void TheMixIsRealistic()
    {
        Dictionary<SesEventType, int> counts = Generator(11).Generate(50_000)
            .GroupBy(e => e.EventType)
            .ToDictionary(g => g.Key, g => g.Count());
        double sends = counts[SesEventType.Send];

        Assert.InRange(sends / 50_000, 0.35, 0.5);
        Assert.InRange(counts[SesEventType.Delivery] / sends, 0.9, 0.99);
        Assert.InRange(counts[SesEventType.Bounce] / sends, 0.01, 0.06);
        Assert.InRange(counts[SesEventType.Complaint] / sends, 0.0005, 0.01);
        Assert.InRange(counts[SesEventType.Open] / sends, 0.15, 0.5);
        Assert.InRange(counts[SesEventType.Click] / (double)counts[SesEventType.Open], 0.1, 0.5);
        Assert.InRange(counts[SesEventType.DeliveryDelay] / sends, 0.002, 0.03);
        Assert.InRange(counts[SesEventType.Reject] / sends, 0.001, 0.01);
        Assert.InRange(counts[SesEventType.RenderingFailure] / sends, 0.001, 0.01);
        Assert.InRange(counts[SesEventType.Subscription] / sends, 0.001, 0.01);
    }

    [Fact]
    public void BouncesUseRealTypesSubtypesAndCodes()
    {
        List<BounceEvent> bounces = Generator(4).Generate(30_000).OfType<BounceEvent>().ToList();

        var subtypes = bounces.Select(b => (b.Bounce.BounceType, b.Bounce.BounceSubType)).ToHashSet();
        Assert.Contains(("Permanent", "General"), subtypes);
        Assert.Contains(("Permanent", "NoEmail"), subtypes);
        Assert.Contains(("Permanent", "Suppressed"), subtypes);
        Assert.Contains(("Transient", "MailboxFull"), subtypes);
        Assert.True(bounces.Count(b => b.Bounce.BounceType == "Permanent") > bounces.Count(b => b.Bounce.BounceType == "Transient"));
        Assert.All(bounces, b =>
        {
            BouncedRecipient recipient = Assert.Single(b.Bounce.BouncedRecipients);
            Assert.Equal("failed", recipient.Action);
            Assert.Matches(@"^[45]\.\d\.\d+$", recipient.Status);
            Assert.False(string.IsNullOrEmpty(recipient.DiagnosticCode));
            Assert.Equal(b.Recipients, [recipient.EmailAddress!]);
            Assert.NotNull(b.Bounce.FeedbackId);
        });
    }

    [Fact]
    public void RecordsAreShapedLikeTheDocumentedOnes()
    {
        var seen = new HashSet<SesEventType>();
        foreach (string line in Generator(9).GenerateLines(10_000))
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            SesEventType type = SesEventParser.Parse(line).EventType;
            if (!seen.Add(type))
            {
                continue;
            }

            string detail = type.DetailMember();
            string[] expected = type is SesEventType.Bounce or SesEventType.Complaint or SesEventType.Click
                ? ["eventType", detail, "mail"]
                : ["eventType", "mail", detail];
            Assert.Equal(expected, root.EnumerateObject().Select(p => p.Name));

            string[] mailMembers = root.GetProperty("mail").EnumerateObject().Select(p => p.Name).ToArray();
            string[] documented = type == SesEventType.RenderingFailure
                ? ["timestamp", "source", "sourceArn", "sendingAccountId", "messageId", "destination", "headersTruncated", "tags"]
                : ["timestamp", "source", "sourceArn", "sendingAccountId", "messageId", "destination", "headersTruncated", "headers", "commonHeaders", "tags"];
            Assert.Equal(documented, mailMembers);

            string[] tags = root.GetProperty("mail").GetProperty("tags").EnumerateObject().Select(p => p.Name).ToArray();
            Assert.Contains(SesTags.SenderIdentity, tags);
            Assert.Contains(SesTags.ConfigurationSet, tags);
            Assert.Contains(SesTags.SourceIp, tags);
            Assert.Contains(SesTags.FromDomain, tags);
            Assert.Contains(SesTags.CallerIdentity, tags);
            Assert.Contains(SesTags.Operation, tags);
            Assert.Contains(SesTags.SourceTlsVersion, tags);
            Assert.Equal(type is SesEventType.Delivery or SesEventType.Open or SesEventType.Click or SesEventType.Complaint or SesEventType.Subscription,
                tags.Contains(SesTags.OutgoingIp));
        }

        Assert.Equal(10, seen.Count);
    }

    [SkippableFact]
    public void DetailMembersComeInTheFixturesOrder()
    {
        Skip.IfNot(Events.SesEventFixtures.Exist, Events.SesEventFixtures.Absent);
        var firstOfType = new Dictionary<SesEventType, string>();
        foreach (string line in Generator(9).GenerateLines(10_000))
        {
            firstOfType.TryAdd(SesEventParser.Parse(line).EventType, line);
        }

        foreach ((SesEventType type, string line) in firstOfType)
        {
            string detail = type.DetailMember();
            using JsonDocument fixture = JsonDocument.Parse(Events.SesEventFixtures.Read(type + ".json"));
            using JsonDocument generated = JsonDocument.Parse(line);
            List<string> documented = fixture.RootElement.GetProperty(detail).EnumerateObject().Select(p => p.Name).ToList();
            List<string> written = generated.RootElement.GetProperty(detail).EnumerateObject().Select(p => p.Name).ToList();

            // Members the documented example has come in its order; the generator may add documented optional ones.
            Assert.Equal(documented.Where(written.Contains), written.Where(documented.Contains));
            Assert.Subset(written.ToHashSet(), documented.ToHashSet());
        }
    }

    [Fact]
    public void SomeRecordsLackTheIdentityTagWhenAsked()
    {
        List<SesEvent> events = Generator(6, missing: 0.1).Generate(10_000).ToList();
        int missing = events.Count(e => e.Identity == FirehoseLayout.MissingIdentity);

        Assert.InRange(missing / 10_000.0, 0.05, 0.15);
        Assert.All(events.Where(e => e.Identity == FirehoseLayout.MissingIdentity), e => Assert.Null(e.Mail.SenderIdentity));
        Assert.DoesNotContain(Generator(6).Generate(2000), e => e.Identity == FirehoseLayout.MissingIdentity);
    }

    [Fact]
    public void NoEventIsLaterThanNowWhenTheRangeReachesIt()
    {
        var now = new DateTimeOffset(2024, 3, 3, 0, 5, 0, TimeSpan.Zero);
        var generator = new SampleEventGenerator { Seed = 2, Start = Start, Days = 7, NotAfter = now };

        List<SesEvent> events = generator.Generate(5000).ToList();

        Assert.Equal(5000, events.Count);
        Assert.All(events, e => Assert.InRange(e.Timestamp, Start.ToDateTime(TimeOnly.MinValue), now.UtcDateTime));
        Assert.All(events, e => Assert.True(e.Mail.Timestamp <= now.UtcDateTime));
        Assert.True(events.Max(e => e.Timestamp) > now.UtcDateTime.AddHours(-3), "The events should reach up to now.");
    }

    [Fact]
    public void ARangeStartingNowGivesEventsAtNow()
    {
        var now = new DateTimeOffset(2024, 3, 1, 0, 0, 0, 250, TimeSpan.Zero);

        List<SesEvent> events = new SampleEventGenerator { Start = Start, Days = 1, NotAfter = now }.Generate(50).ToList();

        Assert.All(events, e => Assert.InRange(e.Timestamp, Start.ToDateTime(TimeOnly.MinValue), now.UtcDateTime));
    }

    [Fact]
    public void ARangeStartingAfterNowIsRefused()
    {
        var generator = new SampleEventGenerator { Start = Start, NotAfter = new DateTimeOffset(2024, 2, 29, 23, 0, 0, TimeSpan.Zero) };

        InvalidInputException error = Assert.Throws<InvalidInputException>(() => generator.GenerateLines(10));

        Assert.Equal("SampleStartInFuture", error.ErrorId);
    }

    [Fact]
    public void UsesTheGivenIdentities()
    {
        var generator = new SampleEventGenerator { Start = Start, Days = 1, Identities = ["billing@shop.example", "news.example"] };

        List<SesEvent> events = generator.Generate(2000).ToList();

        Assert.Equal(["billing@shop.example", "news.example"], events.Select(e => e.Identity).Distinct().Order());
        Assert.All(events.Where(e => e.Identity == "billing@shop.example"), e =>
        {
            Assert.Equal("billing@shop.example", e.Source);
            Assert.Equal("shop.example", e.Mail.FromDomain);
            Assert.Equal("arn:aws:ses:us-east-1:123456789012:identity/billing@shop.example", e.Mail.SourceArn);
        });
        Assert.All(events.Where(e => e.Identity == "news.example"), e => Assert.EndsWith("@news.example>", e.Source, StringComparison.Ordinal));
        Assert.All(events, e => Assert.Equal(new DateOnly(2024, 3, 1), DateOnly.FromDateTime(e.Timestamp)));
    }

    [Fact]
    public void SpreadsEventsOverEveryDay()
    {
        var days = Generator().Generate(7000).GroupBy(e => DateOnly.FromDateTime(e.Timestamp)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Enumerable.Range(0, 7).Select(Start.AddDays), days.Keys.Order());
        Assert.All(days.Values, n => Assert.InRange(n, 700, 1300));
    }

    [Fact]
    public void GivesExactlyTheCountAsked()
    {
        Assert.Empty(Generator().GenerateLines(0));
        Assert.Single(Generator().GenerateLines(1));
        Assert.Equal(1234, Generator().Generate(1234).Count());
    }

    [Fact]
    public void StreamsWithoutGeneratingAheadAndStopsWhenCancelled()
    {
        using var cancel = new CancellationTokenSource();
        IEnumerable<string> lines = Generator().GenerateLines(int.MaxValue, cancel.Token);

        Assert.Equal(10, lines.Take(10).Count());
        cancel.Cancel();
        Assert.Throws<OperationCanceledException>(() => lines.First());
    }

    [Theory]
    [InlineData(-1, 7, 0.0, "InvalidSampleCount")]
    [InlineData(10, 0, 0.0, "InvalidSampleDays")]
    [InlineData(10, 7, 1.5, "InvalidMissingIdentityFraction")]
    public void RejectsImpossibleSettings(int count, int days, double missing, string errorId)
    {
        var generator = new SampleEventGenerator { Start = Start, Days = days, MissingIdentityFraction = missing };

        InvalidInputException error = Assert.Throws<InvalidInputException>(() => generator.GenerateLines(count));

        Assert.Equal(errorId, error.ErrorId);
    }

    [Fact]
    public void RejectsAnEmptyIdentity()
    {
        var generator = new SampleEventGenerator { Start = Start, Identities = ["example.com", " "] };

        Assert.Equal("InvalidSampleIdentity", Assert.Throws<InvalidInputException>(() => generator.GenerateLines(1)).ErrorId);
    }
}
