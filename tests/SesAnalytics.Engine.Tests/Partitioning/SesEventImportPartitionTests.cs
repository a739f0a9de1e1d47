using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Partitioning;

/// <summary>The partitions an import counts and names: each folder its events went to, once, import after import.</summary>
public sealed partial class SesEventImportTests
{
    [Fact]
    public void CountsAndNamesEachFolderOnceWhetherRecordsTakeTheFastPathOrNot()
    {
        var random = new Random(20261206);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<string>();
        for (int i = 0; i < 6_000; i++)
        {
            string identity = $"identity{random.Next(40)}.example";
            string type = random.Next(2) == 0 ? "Send" : "Delivery";
            var day = new DateOnly(2026, 10, 1 + random.Next(20));
            string record = Event(type, identity, type == "Delivery" ? "delivery" : null, $"{day:yyyy-MM-dd}T12:00:00.000Z");

            // Every third record pretty-printed with an escaped name: the general path, fresh strings for the same keys.
            lines.Add(i % 3 == 0 ? record.Replace("\"eventType\":", "\"event\\u0054ype\" : ", StringComparison.Ordinal) : record);
            expected.Add(FirehoseLayout.DayFolder(identity, type, day));
        }

        Assert.Contains("\"event\\u0054ype\"", lines[0], StringComparison.Ordinal);
        foreach (int round in new[] { 1, 2 })
        {
            using var import = new SesEventImport(new ImportOptions(Store) { WhatIf = true, Force = true }, new RecordingSink(), CancellationToken.None);
            import.ImportText(string.Join("\n", lines), $"round {round}");
            ImportSummary summary = import.Complete();

            Assert.Equal(expected.Count, summary.Partitions);
            Assert.Equal(expected.Order(StringComparer.Ordinal), import.EventFolders.Order(StringComparer.Ordinal));
            Assert.Equal(lines.Count, summary.EventsToWrite);
        }
    }

    /// <summary>Past the ten thousand folders the cache keeps, each folder is made anew for each record: still counted once.</summary>
    [Fact]
    public void CountsEachFolderOnceBeyondWhatTheFolderCacheKeeps()
    {
        string[] lines = [.. Enumerable.Range(0, 36_000).Select(i => Event("Send", $"identity{i % 12_000}.example", null, "2026-10-01T12:00:00.000Z"))];

        using var import = new SesEventImport(new ImportOptions(Store) { WhatIf = true, Force = true }, new RecordingSink(), CancellationToken.None);
        import.ImportText(string.Join("\n", lines), "many identities");
        ImportSummary summary = import.Complete();

        Assert.Equal(12_000, summary.Partitions);
        Assert.Equal(12_000, import.EventFolders.Count);
        Assert.Equal(36_000, summary.EventsToWrite);
    }
}
