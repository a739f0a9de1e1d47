using System.Globalization;
using System.Text.Json.Nodes;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Query.Delivery;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Query.Delivery;

/// <summary>
/// Delivery-time percentiles from DuckDB over a store, checked against nearest-rank computed here from the records
/// written, and equal to the Athena path's when the Athena fake answers with the rows its statement would give.
/// </summary>
public sealed class DeliveryTimeTests : IDisposable
{
    private static readonly DateOnly Day1 = new(2024, 3, 8);
    private static readonly DateOnly Day2 = new(2024, 3, 9);
    private static readonly DayRange Days = new(Day1, Day2);
    private static readonly string[] Identities = ["a.example", "b.example"];

    private readonly TestStore _store = new();
    private readonly List<Written> _written = [];

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(101)]
    public void Percentiles_are_nearest_rank_at_small_counts(int count)
    {
        // Shuffled times 10, 20, ... so the order read is not the sorted order.
        long[] times = Enumerable.Range(1, count).Select(i => (long)i * 10).OrderBy(t => (t * 7919) % 101).ToArray();
        foreach (long ms in times)
        {
            Write("a.example", Day1, ms, "x@gmail.com");
        }

        DeliveryTimeSummary summary = Assert.Single(FromStore(GroupBy.ByIdentity, total: false));

        long[] sorted = [.. times.Order()];
        Assert.Equal(count, summary.Deliveries);
        Assert.Equal(TimeSpan.FromMilliseconds(NearestRank(sorted, 0.50)), summary.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(NearestRank(sorted, 0.90)), summary.P90);
        Assert.Equal(TimeSpan.FromMilliseconds(NearestRank(sorted, 0.99)), summary.P99);
        Assert.Equal(TimeSpan.FromMilliseconds(sorted[^1]), summary.Max);
    }

    [Fact]
    public void A_days_group_spans_identities_and_the_total_spans_days()
    {
        WriteMixture();
        var grouping = new GroupBy([GroupKey.RecipientDomain]);

        List<DeliveryTimeSummary> perDay = FromStore(grouping, total: false);
        List<DeliveryTimeSummary> total = FromStore(grouping, total: true);

        Assert.Equal(Expected(grouping, total: false), perDay.Select(Describe));
        Assert.Equal(Expected(grouping, total: true), total.Select(Describe));
        Assert.All(total, s => Assert.Null(s.Day));
        Assert.Contains(perDay, s => s.RecipientDomain == "gmail.com" && s.Day == new DateTime(2024, 3, 8, 0, 0, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("Identity")]
    [InlineData("ConfigurationSet,FromDomain")]
    [InlineData("Tag:campaign,Identity")]
    [InlineData("Identity,RecipientDomain")]
    public void Every_grouping_counts_each_event_once_per_group(string keys)
    {
        WriteMixture();
        GroupBy grouping = GroupBy.Parse(keys.Split(','));

        Assert.Equal(Expected(grouping, total: false), FromStore(grouping, total: false).Select(Describe));
    }

    [Theory]
    [InlineData("Identity", false)]
    [InlineData("RecipientDomain,Tag:campaign", false)]
    [InlineData("ConfigurationSet", true)]
    public async Task Athena_gives_equal_summaries(string keys, bool total)
    {
        WriteMixture();
        GroupBy grouping = GroupBy.Parse(keys.Split(','));
        using var athena = new AthenaTestQueries(Identities);
        athena.Fake.SetResults(
            ["d", .. grouping.Keys.Select((_, i) => $"k{i}"), "deliveries", "recipients", "slowest", "_col4", "_col5", "_col6"],
            [.. Enumerable.Repeat("varchar", 1 + grouping.Keys.Count), .. Enumerable.Repeat("bigint", 6)],
            AthenaRows(grouping, total));
        var query = EventQuery.AllEvents(Days, Identities);

        List<DeliveryTimeSummary> local = FromStore(grouping, total);
        List<DeliveryTimeSummary> cloud = await AthenaTestQueries.ToListAsync(DeliveryTimes.FromAthenaAsync(athena.Queries, AthenaTestQueries.Target, query, grouping, total, default));

        Assert.NotEmpty(local);
        Assert.Equal(local, cloud);
    }

    [Fact]
    public void The_statement_binds_the_identity_and_tag_names()
    {
        Write("a.example", Day1, 5, "x@gmail.com");
        GroupBy grouping = GroupBy.Parse(["Tag:campaign", "RecipientDomain", "Identity"]);
        DayBatches batches = DayBatches.Find(_store.Root, EventQuery.AllEvents(Days), DeliveryTimeQuery.EventTypes, total: false, NullOutputSink.Instance);

        SqlStatement statement = new DeliveryTimeQuery(grouping, batches, total: false).Render(batches.Batches[0], ignoreErrors: false);

        Assert.Equal(["a.example", "campaign"], statement.Parameters);
        string outsideFileList = System.Text.RegularExpressions.Regex.Replace(statement.Text, @"read_json\(\[[^\]]*\]", "read_json(");
        Assert.DoesNotContain("a.example", outsideFileList, StringComparison.Ordinal);
        Assert.DoesNotContain("campaign", outsideFileList, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Athena_binds_every_value_and_constrains_every_partition_column(bool total)
    {
        AthenaStatement statement = AthenaDeliveryTimeQuery.Render(
            EventQuery.AllEvents(Days), GroupBy.Parse(["Tag:o'campaign", "RecipientDomain", "Identity"]), total, ["a.example"], AthenaTestQueries.Target);

        Assert.Equal(["'o''campaign'", "'a.example'", "'Delivery'", "'2024/03/08'", "'2024/03/09'"], statement.ExecutionParameters);
        string outsideLiterals = System.Text.RegularExpressions.Regex.Replace(statement.Text, "'(?:[^']|'')*'", string.Empty);
        Assert.Equal(statement.ExecutionParameters.Count, outsideLiterals.Count(c => c == '?'));
        Assert.Matches("\"sender_identity\" IN \\(\\?\\)\\s+AND \"event_type\" IN \\(\\?\\)\\s+AND \"day\" IN \\(\\?, \\?\\)", statement.Text);
        Assert.Contains("element_at(times, (90 * cardinality(times) + 99) / 100)", statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("approx_percentile", statement.Text, StringComparison.Ordinal);
    }

    private static long NearestRank(long[] sorted, double p) => sorted[(int)Math.Ceiling(Math.Round(p * sorted.Length, 9)) - 1];

    private List<DeliveryTimeSummary> FromStore(GroupBy grouping, bool total) =>
        DeliveryTimes.FromStore(_store.Root, EventQuery.AllEvents(Days), grouping, total, NullOutputSink.Instance, default).ToList();

    /// <summary>Two identities over two days, recipients in several domains (one message to two of one domain), tags and sources that vary.</summary>
    private void WriteMixture()
    {
        string[][] recipients = [["a@gmail.com"], ["b@Gmail.COM", "c@gmail.com"], ["d@yahoo.com", "e@gmail.com"], ["\"F\" <f@outlook.com>"], ["g@yahoo.com"]];
        int n = 0;
        foreach (string identity in Identities)
        {
            foreach (DateOnly day in Days.Days)
            {
                for (int i = 0; i < 7; i++, n++)
                {
                    string? campaign = n % 3 == 0 ? null : $"c{n % 2}";
                    string? configurationSet = n % 4 == 0 ? null : "cs-" + (n % 2);
                    Write(identity, day, (n * 373) % 2000 + (n % 5 == 0 ? 30000 : 0), recipients[n % recipients.Length], campaign, configurationSet);
                }
            }
        }

        Write("b.example", Day2, null, "h@gmail.com");
    }

    private void Write(string identity, DateOnly day, long? ms, params string[] recipients) => Write(identity, day, ms, recipients, null, null);

    private void Write(string identity, DateOnly day, long? ms, string[] recipients, string? campaign, string? configurationSet)
    {
        var tags = new JsonObject { ["ses:sender-identity"] = new JsonArray(identity) };
        if (campaign is not null)
        {
            tags["campaign"] = new JsonArray(campaign);
        }

        if (configurationSet is not null)
        {
            tags["ses:configuration-set"] = new JsonArray(configurationSet);
        }

        var delivery = new JsonObject { ["timestamp"] = "2024-03-08T10:00:00.000Z", ["recipients"] = new JsonArray([.. recipients.Select(r => (JsonNode)r)]) };
        if (ms is not null)
        {
            delivery["processingTimeMillis"] = ms;
        }

        var record = new JsonObject
        {
            ["eventType"] = "Delivery",
            ["mail"] = new JsonObject { ["source"] = $"news@{identity}", ["messageId"] = $"m-{_written.Count}", ["destination"] = new JsonArray([.. recipients.Select(r => (JsonNode)r)]), ["tags"] = tags },
            ["delivery"] = delivery,
        };
        _store.Add(identity, "Delivery", day, record.ToJsonString());
        _written.Add(new Written(identity, day, ms, recipients, campaign, configurationSet));
    }

    /// <summary>The expected summaries, computed from the records written: nearest rank over each group's events.</summary>
    private List<string> Expected(GroupBy grouping, bool total) =>
        Groups(grouping, total)
            .OrderBy(g => g.Day)
            .ThenBy(g => g.Values.Label, StringComparer.Ordinal)
            .Select(g =>
            {
                long[] times = [.. g.Events.Where(e => e.Written.Ms is not null).Select(e => e.Written.Ms!.Value).Order()];
                string Time(double p) => times.Length == 0 ? "-" : NearestRank(times, p).ToString(CultureInfo.InvariantCulture);
                return $"{g.Day:yyyy-MM-dd} {g.Values.Label}: {g.Events.Count} {g.Events.Sum(e => e.Recipients)} {Time(0.5)} {Time(0.9)} {Time(0.99)} {(times.Length == 0 ? "-" : times[^1])}";
            })
            .ToList();

    private static string Describe(DeliveryTimeSummary s)
    {
        string Ms(TimeSpan? t) => t is null ? "-" : ((long)t.Value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        return $"{(s.Day is null ? null : DateOnly.FromDateTime(s.Day.Value)):yyyy-MM-dd} {s.Group}: {s.Deliveries} {s.DeliveredRecipients} {Ms(s.P50)} {Ms(s.P90)} {Ms(s.P99)} {Ms(s.Max)}";
    }

    /// <summary>The Athena statement's rows for the records written: per day (or not) and raw group values, as text.</summary>
    private IEnumerable<IReadOnlyList<string?>> AthenaRows(GroupBy grouping, bool total) =>
        Groups(grouping, total).Select(g =>
        {
            long[] times = [.. g.Events.Where(e => e.Written.Ms is not null).Select(e => e.Written.Ms!.Value).Order()];
            string? Time(double p) => times.Length == 0 ? null : NearestRank(times, p).ToString(CultureInfo.InvariantCulture);
            return (IReadOnlyList<string?>)
            [
                g.Day?.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
                .. g.Values.Values,
                g.Events.Count.ToString(CultureInfo.InvariantCulture),
                g.Events.Sum(e => e.Recipients).ToString(CultureInfo.InvariantCulture),
                times.Length == 0 ? null : times[^1].ToString(CultureInfo.InvariantCulture),
                Time(0.5), Time(0.9), Time(0.99),
            ];
        });

    private List<(DateOnly? Day, GroupValues Values, List<(Written Written, int Recipients)> Events)> Groups(GroupBy grouping, bool total) =>
        _written
            .SelectMany(w => DomainsOf(w, grouping).Select(d => (Written: w, Domain: d.Domain, Recipients: d.Count)))
            .GroupBy(e => (Day: total ? (DateOnly?)null : e.Written.Day, Values: new GroupValues(grouping, grouping.Keys.Select(k => ValueOf(k, e.Written, e.Domain)))))
            .Select(g => (g.Key.Day, g.Key.Values, g.Select(e => (e.Written, e.Recipients)).ToList()))
            .ToList();

    private static IEnumerable<(string? Domain, int Count)> DomainsOf(Written w, GroupBy grouping) =>
        grouping.ByRecipient
            ? w.Recipients.GroupBy(DomainOf).Select(g => ((string?)g.Key, g.Count()))
            : [(null, w.Recipients.Length)];

    private static string DomainOf(string address) => address.TrimEnd('>').Split('@')[^1].ToLowerInvariant();

    private static string? ValueOf(GroupKey key, Written w, string? domain) => key.Dimension switch
    {
        GroupDimension.Identity => w.Identity,
        GroupDimension.RecipientDomain => domain,
        GroupDimension.ConfigurationSet => w.ConfigurationSet,
        GroupDimension.FromDomain => w.Identity,
        GroupDimension.Tag => w.Campaign,
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };

    private sealed record Written(string Identity, DateOnly Day, long? Ms, string[] Recipients, string? Campaign, string? ConfigurationSet);
}
