using System.Globalization;
using System.Text.Json.Nodes;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Athena;
using SesAnalytics.Engine.Query.Failures;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Tests.Query.Delivery;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Query.Failures;

/// <summary>
/// Failure summaries from DuckDB over a store, checked against counts worked out by hand from the records written, and
/// equal to the Athena path's when the Athena fake answers with the rows its statement would give.
/// </summary>
public sealed class FailureSummaryTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 3, 8);
    private static readonly DayRange Days = new(Day, Day.AddDays(1));
    private static readonly string[] Identities = ["a.example", "b.example"];

    private readonly TestStore _store = new();
    private readonly List<(string Identity, DateOnly Day, FailureKind Kind, JsonObject Record)> _written = [];

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Groups_bounces_by_normalised_code_across_identities_with_their_domains()
    {
        WriteMixture();

        List<FailureSummary> summaries = FromStore(GroupBy.Parse(["ConfigurationSet"]), FailureKinds.All, total: false);

        Assert.Equal(
            string.Join("\n", (string[])[
                "2024-03-08 cs: Bounce Permanent/General 550 5.1.1 user unknown [5.1.1] 3 events, 4 recipients: gmail.com (3); yahoo.com (1)",
                "2024-03-08 cs: DeliveryDelay MailboxFull/ 452 4.2.2 mailbox full [4.2.2] 1 events, 1 recipients: outlook.com (1)",
                "2024-03-08 cs: Reject / Bad content [] 1 events, 1 recipients: gmail.com (1)",
                "2024-03-08 cs: RenderingFailure / MyTemplate: Attribute 'name' is not present in the rendering data. [] 1 events, 1 recipients: yahoo.com (1)",
                "2024-03-09 -: Bounce Transient/MailboxFull 552 5.2.2 recipient address rejected: mailbox full [5.2.2] 1 events, 1 recipients: bücher.example (1)",
            ]),
            string.Join("\n", summaries.Select(Describe)));
    }

    [Fact]
    public void Kinds_filter_and_recipient_domains_group()
    {
        WriteMixture();

        List<FailureSummary> summaries = FromStore(GroupBy.Parse(["RecipientDomain"]), [FailureKind.Bounce], total: true);

        Assert.Equal(
            string.Join("\n", (string[])[
                " gmail.com: Bounce Permanent/General 550 5.1.1 user unknown [5.1.1] 2 events, 3 recipients: gmail.com (3)",
                " bücher.example: Bounce Transient/MailboxFull 552 5.2.2 recipient address rejected: mailbox full [5.2.2] 1 events, 1 recipients: bücher.example (1)",
                " yahoo.com: Bounce Permanent/General 550 5.1.1 user unknown [5.1.1] 1 events, 1 recipients: yahoo.com (1)",
            ]),
            string.Join("\n", summaries.Select(Describe)));
        Assert.All(summaries, s => Assert.Null(s.Day));
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
            ["d", .. grouping.Keys.Select((_, i) => $"k{i}"), "kind", "type", "subtype", "code", "status", "domain", "_col1", "_col2", "_col3"],
            [.. Enumerable.Repeat("varchar", 7 + grouping.Keys.Count), "bigint", "bigint", "bigint"],
            AthenaRows(grouping, total));

        List<FailureSummary> local = FromStore(grouping, FailureKinds.All, total);
        List<FailureSummary> cloud = await AthenaTestQueries.ToListAsync(
            FailureSummaries.FromAthenaAsync(athena.Queries, AthenaTestQueries.Target, EventQuery.AllEvents(Days, Identities), grouping, FailureKinds.All, total, default));

        Assert.NotEmpty(local);
        Assert.Equal(local, cloud);
    }

    [Fact]
    public void Athena_binds_every_value_and_constrains_every_partition_column_of_each_kind()
    {
        AthenaStatement statement = AthenaFailureQuery.Render(
            EventQuery.AllEvents(Days), GroupBy.Parse(["Tag:o'campaign", "Identity"]), [FailureKind.Reject, FailureKind.Bounce], total: false, ["a.example"], AthenaTestQueries.Target);

        Assert.Equal(
            ["'o''campaign'", "'a.example'", "'Bounce'", "'2024/03/08'", "'2024/03/09'", "'o''campaign'", "'a.example'", "'Reject'", "'2024/03/08'", "'2024/03/09'"],
            statement.ExecutionParameters);
        string placeholders = System.Text.RegularExpressions.Regex.Replace(statement.Text, "'(?:[^']|'')*'", string.Empty);
        Assert.True(statement.ExecutionParameters.Count == placeholders.Count(c => c == (char)63), placeholders);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(statement.Text, "\"sender_identity\" IN \\(\\?\\)\\s+AND \"event_type\" IN \\(\\?\\)\\s+AND \"day\" IN \\(\\?, \\?\\)").Count);
        Assert.DoesNotContain("a.example", statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("campaign", statement.Text, StringComparison.Ordinal);
    }

    private List<FailureSummary> FromStore(GroupBy grouping, IReadOnlyList<FailureKind> kinds, bool total) =>
        FailureSummaries.FromStore(_store.Root, EventQuery.AllEvents(Days), grouping, kinds, total, NullOutputSink.Instance, default).ToList();

    private static string Describe(FailureSummary s) =>
        $"{s.Day:yyyy-MM-dd} {s.Group}: {s.Kind} {s.Type}/{s.SubType} {s.Reason} [{s.Status}] {s.Events} events, {s.Recipients} recipients: {s.RecipientDomains}";

    /// <summary>
    /// Day 1: a.example bounces one message to two gmail.com users (codes differing only by address) and one to a
    /// yahoo.com user; b.example bounces a gmail.com user with another wording; one delay, reject and rendering failure.
    /// Day 2: a soft bounce without a configuration set, to an IDN domain written as xn--.
    /// </summary>
    private void WriteMixture()
    {
        Write("a.example", Day, FailureKind.Bounce, "m1", "campaign-a", Bounce("Permanent", "General", ("x@gmail.com", "5.1.1", "smtp; 550 5.1.1 <x@gmail.com>... User unknown"), ("y@GMAIL.com", "5.1.1", "smtp; 550 5.1.1 <y@gmail.com>... User unknown")));
        Write("a.example", Day, FailureKind.Bounce, "m2", "campaign-b", Bounce("Permanent", "General", ("z@yahoo.com", null, "smtp;550 5.1.1 user unknown")));
        Write("b.example", Day, FailureKind.Bounce, "m3", null, Bounce("Permanent", "General", ("w@gmail.com", "5.1.1", "550 5.1.1 User Unknown")));
        Write("a.example", Day, FailureKind.DeliveryDelay, "m4", null, new JsonObject
        {
            ["timestamp"] = "2024-03-08T10:05:00.000Z",
            ["delayType"] = "MailboxFull",
            ["delayedRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = "v@outlook.com", ["status"] = "4.2.2", ["diagnosticCode"] = "smtp; 452 4.2.2 mailbox full" }),
        }, "v@outlook.com");
        Write("b.example", Day, FailureKind.Reject, "m5", null, new JsonObject { ["reason"] = "Bad content" }, "u@gmail.com");
        Write("b.example", Day, FailureKind.RenderingFailure, "m6", "campaign-a", new JsonObject { ["templateName"] = "MyTemplate", ["errorMessage"] = "Attribute 'name' is not present in the rendering data." }, "t@yahoo.com");
        Write("a.example", Day.AddDays(1), FailureKind.Bounce, "m7", null, Bounce("Transient", "MailboxFull", ("s@XN--BCHER-KVA.example", "5.2.2", "smtp; 552 5.2.2 <s@xn--bcher-kva.example>: Recipient address rejected: Mailbox full")), noConfigurationSet: true);
    }

    private static JsonObject Bounce(string type, string subType, params (string Address, string? Status, string Code)[] recipients) => new()
    {
        ["bounceType"] = type,
        ["bounceSubType"] = subType,
        ["timestamp"] = "2024-03-08T10:01:00.000Z",
        ["bouncedRecipients"] = new JsonArray([.. recipients.Select(r => (JsonNode)new JsonObject { ["emailAddress"] = r.Address, ["action"] = "failed", ["status"] = r.Status, ["diagnosticCode"] = r.Code })]),
    };

    private void Write(string identity, DateOnly day, FailureKind kind, string messageId, string? campaign, JsonObject detail, string? destination = null, bool noConfigurationSet = false)
    {
        var tags = new JsonObject();
        if (!noConfigurationSet)
        {
            tags["ses:configuration-set"] = new JsonArray("cs");
        }

        if (campaign is not null)
        {
            tags["Campaign"] = new JsonArray(campaign);
        }

        string[] recipients = destination is not null
            ? [destination]
            : [.. detail["bouncedRecipients"]!.AsArray().Select(r => r!["emailAddress"]!.GetValue<string>())];
        var record = new JsonObject
        {
            ["eventType"] = kind == FailureKind.RenderingFailure ? "Rendering Failure" : kind.ToString(),
            ["mail"] = new JsonObject { ["timestamp"] = "2024-03-08T10:00:00.000Z", ["source"] = $"news@{identity}", ["messageId"] = messageId, ["destination"] = new JsonArray([.. recipients.Select(r => (JsonNode)r)]), ["tags"] = tags },
            [kind == FailureKind.RenderingFailure ? "failure" : kind == FailureKind.DeliveryDelay ? "deliveryDelay" : kind.ToString().ToLowerInvariant()] = detail,
        };
        _store.Add(identity, kind.EventType().WireName(), day, record.ToJsonString());
        _written.Add((identity, day, kind, record));
    }

    /// <summary>The rows the Athena statement gives for the records written: one per raw group and domain, and one per raw group.</summary>
    private IEnumerable<IReadOnlyList<string?>> AthenaRows(GroupBy grouping, bool total)
    {
        var recipients = _written.SelectMany(w => Recipients(w.Kind, w.Record).Select(r => (w.Identity, w.Day, w.Kind, w.Record, Recipient: r))).ToList();
        var raw = recipients.Select(r =>
        {
            string domain = r.Recipient.Address.Split('@')[^1].ToLowerInvariant();
            JsonObject mail = r.Record["mail"]!.AsObject();
            string? Tag(string name) => mail["tags"]!.AsObject().FirstOrDefault(t => t.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?[0]?.GetValue<string>();
            string?[] keys = [.. grouping.Keys.Select(k => k.Dimension switch
            {
                GroupDimension.Identity => r.Identity,
                GroupDimension.RecipientDomain => domain,
                GroupDimension.ConfigurationSet => Tag("ses:configuration-set"),
                GroupDimension.Tag => Tag(k.TagName!),
                _ => throw new ArgumentOutOfRangeException(nameof(grouping)),
            })];
            string?[] failure = [total ? null : r.Day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture), .. keys, r.Kind.ToString(), r.Recipient.Type, r.Recipient.SubType, r.Recipient.Code, r.Recipient.Status];
            return (Failure: failure, Domain: domain, Event: $"{mail["messageId"]}|{r.Kind}");
        }).ToList();
        foreach (var group in raw.GroupBy(r => string.Join("\u0001", r.Failure)))
        {
            string?[] failure = group.First().Failure;
            foreach (var domain in group.GroupBy(r => r.Domain))
            {
                yield return [.. failure, domain.Key, "0", domain.Select(r => r.Event).Distinct().Count().ToString(CultureInfo.InvariantCulture), domain.Count().ToString(CultureInfo.InvariantCulture)];
            }

            yield return [.. failure, null, "1", group.Select(r => r.Event).Distinct().Count().ToString(CultureInfo.InvariantCulture), group.Count().ToString(CultureInfo.InvariantCulture)];
        }
    }

    private static IEnumerable<(string Address, string? Type, string? SubType, string? Code, string? Status)> Recipients(FailureKind kind, JsonObject record)
    {
        string? Text(JsonNode? node) => node?.GetValue<string>();
        string BlankAddresses(string? code) => System.Text.RegularExpressions.Regex.Replace(code ?? string.Empty, DiagnosticCode.AddressPattern, " ");
        return kind switch
        {
            FailureKind.Bounce => record["bounce"]!["bouncedRecipients"]!.AsArray().Select(r => (Text(r!["emailAddress"])!, Text(record["bounce"]!["bounceType"]), Text(record["bounce"]!["bounceSubType"]), (string?)BlankAddresses(Text(r["diagnosticCode"])), Text(r["status"]))),
            FailureKind.DeliveryDelay => record["deliveryDelay"]!["delayedRecipients"]!.AsArray().Select(r => (Text(r!["emailAddress"])!, Text(record["deliveryDelay"]!["delayType"]), (string?)null, (string?)BlankAddresses(Text(r["diagnosticCode"])), Text(r["status"]))),
            FailureKind.Reject => record["mail"]!["destination"]!.AsArray().Select(r => (Text(r)!, (string?)null, (string?)null, Text(record["reject"]!["reason"]), (string?)null)),
            _ => record["mail"]!["destination"]!.AsArray().Select(r => (Text(r)!, (string?)null, (string?)null, (string?)$"{Text(record["failure"]!["templateName"])}: {Text(record["failure"]!["errorMessage"])}", (string?)null)),
        };
    }
}
