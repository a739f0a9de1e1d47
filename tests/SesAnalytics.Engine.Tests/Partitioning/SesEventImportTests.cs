using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Partitioning;

public sealed partial class SesEventImportTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ses-import-").FullName;

    private string Store => Path.Combine(_work, "store");

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void WritesFirehoseLayoutAndNamesWithTheRecordsAsJsonLines()
    {
        string[] records =
        [
            Event("Bounce", "example.com", "bounce", "2024-03-05T10:00:00.000Z"),
            Event("Bounce", "example.com", "bounce", "2024-03-05T23:59:59.999Z"),
            Event("Delivery", "hello@example.com", "delivery", "2024-03-06T00:00:00.000Z"),
            Event("Rendering Failure", null, null, "2024-03-07T08:00:00.000Z"),
        ];

        ImportSummary summary = Import(string.Join("\n", records));

        Assert.Equal(4, summary.EventsWritten);
        Assert.Equal(3, summary.Partitions);
        Assert.Equal(3, summary.ObjectsWritten);
        Assert.Equal(records.Order(), ReadAll("partitioned").Order());
        string[] folders = Objects("partitioned").Select(f => Path.GetRelativePath(Store, Path.GetDirectoryName(f)!).Replace('\\', '/')).Order().ToArray();
        Assert.Equal(
            ["partitioned/example.com/Bounce/2024/03/05", "partitioned/hello@example.com/Delivery/2024/03/06", "partitioned/no-identity/Rendering Failure/2024/03/07"],
            folders);
        Assert.All(Objects("partitioned"), f => Assert.Matches(ObjectName(), Path.GetFileName(f)));
        AssertNoTempFiles();
    }

    [Fact]
    public void HostileKeysStayInsideTheStoreAndDecodeBack()
    {
        string[] identities = ["../../escape", "..", "a/b\\c", "CON", "ctrl\u0001", "quo\"te", "%2F", "émoji😀", "trailing. "];
        string input = string.Join("\n", identities.Select(i => Event("Send", i, null, "2024-01-01T00:00:00Z")));

        ImportSummary summary = Import(input);

        Assert.Equal(identities.Length, summary.EventsWritten);
        string root = Path.Combine(Store, "partitioned");
        string[] segments = Directory.GetDirectories(root).Select(Path.GetFileName).ToArray()!;
        Assert.Equal(identities.Order(StringComparer.Ordinal), segments.Select(s => PathSegment.Decode(s)!).Order(StringComparer.Ordinal));
        Assert.All(Directory.GetFiles(_work, "*", SearchOption.AllDirectories), f => Assert.StartsWith(Store + Path.DirectorySeparatorChar, f, StringComparison.Ordinal));
    }

    [Fact]
    public void KeysTooLongForAFolderGoToErrors()
    {
        ImportSummary summary = Import(Event("Send", new string('a', 256), null, "2024-01-01T00:00:00Z"));

        Assert.Equal(1, summary.ErrorsWritten);
        JsonElement error = Assert.Single(ErrorRecords());
        Assert.Contains("255 bytes", error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExtractionFailuresBecomeFirehoseErrorRecords()
    {
        string notification = "{\"notificationType\":\"Bounce\",\"bounce\":{\"timestamp\":\"2018-10-08T14:05:45 +0000\"},\"mail\":{\"timestamp\":\"2018-10-08T14:05:40 +0000\"}}";
        string stringTags = "{\"eventType\":\"Send\",\"mail\":{\"timestamp\":\"2024-01-01T00:00:00Z\",\"tags\":{\"ses:sender-identity\":\"example.com\"}}}";

        ImportSummary summary = Import(notification + "\n" + stringTags);

        Assert.Equal(2, summary.ErrorsWritten);
        JsonElement[] errors = ErrorRecords().ToArray();
        Assert.All(errors, e =>
        {
            Assert.Equal(["attemptsMade", "arrivalTimestamp", "errorCode", "errorMessage", "attemptEndingTimestamp", "rawData"], e.EnumerateObject().Select(p => p.Name));
            Assert.Equal(1, e.GetProperty("attemptsMade").GetInt32());
            Assert.Equal("DynamicPartitioning.MetadataExtractionFailed", e.GetProperty("errorCode").GetString());
            Assert.True(e.GetProperty("arrivalTimestamp").GetInt64() > 1_700_000_000_000);
        });
        string[] raw = errors.Select(e => Encoding.UTF8.GetString(e.GetProperty("rawData").GetBytesFromBase64())).ToArray();
        Assert.Contains(notification, raw);
        Assert.Contains(stringTags, raw);
        Assert.Contains(errors, e => e.GetProperty("errorMessage").GetString()!.Contains("notificationType", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.GetProperty("errorMessage").GetString()!.Contains("Cannot index string with number", StringComparison.Ordinal));
        Assert.True(Directory.Exists(Path.Combine(Store, "errors", "metadata-extraction-failed", "2018", "10", "08")));
    }

    [Fact]
    public void CountsReconcileOnAMixedCorpus()
    {
        string inner = Event("Click", "example.com", "click", "2024-02-02T02:02:02Z");
        string envelope = JsonSerializer.Serialize(new { Type = "Notification", MessageId = "1", Message = inner });
        string valid = Event("Open", "example.com", "open", "2024-02-01T00:00:00Z");
        string lines = string.Join("\n", valid, "", "   ", "{broken", envelope, "42", "[1,2]", "\"text\"", valid + "\r", "not json at all", "") + "\n";
        File.WriteAllText(Path.Combine(_work, "mixed.jsonl"), lines);
        File.WriteAllBytes(Path.Combine(_work, "truncated.gz"), Truncated(Gzip(string.Join("\n", Enumerable.Repeat(valid, 2000)))));
        var sink = new RecordingSink();

        ImportSummary summary;
        using (var import = new SesEventImport(new ImportOptions(Store), sink, CancellationToken.None))
        {
            import.ImportFile(Path.Combine(_work, "mixed.jsonl"));
            import.ImportFile(Path.Combine(_work, "truncated.gz"));
            import.ImportFile(Path.Combine(_work, "missing.json"));
            summary = import.Complete();
        }

        Assert.Equal(summary.LinesRead, summary.EventsWritten + summary.ErrorsWritten + summary.Rejected);
        Assert.True(summary.Rejected == 2, string.Join("\n", sink.Errors.Select(e => e.ErrorId + ": " + e.Message)));
        Assert.Equal(3, summary.ErrorsWritten);
        Assert.True(summary.EventsWritten > 3, $"Only {summary.EventsWritten} events from the truncated file were kept.");
        Assert.Equal(summary.EventsWritten, ReadAll("partitioned").Count);
        Assert.Equal(summary.ErrorsWritten, ErrorRecords().Count());
        Assert.Contains(inner, ReadAll("partitioned"));
        Assert.Contains(sink.Errors, e => e.ErrorId == "MalformedRecord" && e.Message.Contains("Line 4 of", StringComparison.Ordinal) && e.Message.Contains("mixed.jsonl", StringComparison.Ordinal));
        Assert.Contains(sink.Errors, e => e.ErrorId == "MalformedRecord" && e.Message.Contains("Line 10 of", StringComparison.Ordinal));
        Assert.Contains(sink.Errors, e => e.ErrorId == "CorruptInput" && e.Message.Contains("truncated.gz", StringComparison.Ordinal));
        Assert.Contains(sink.Errors, e => e.ErrorId == "UnreadableInput" && e.Message.Contains("missing.json", StringComparison.Ordinal));
        AssertNoTempFiles();
    }

    [SkippableFact]
    public void PrettyPrintedFixturesAndArraysAreRecords()
    {
        Skip.IfNot(TestPaths.HasFixtures, TestPaths.NoFixtures);
        var sink = new RecordingSink();
        ImportSummary summary;
        using (var import = new SesEventImport(new ImportOptions(Store), sink, CancellationToken.None))
        {
            foreach (string fixture in Directory.GetFiles(TestPaths.Fixtures, "*.json"))
            {
                import.ImportFile(fixture);
            }

            import.ImportText("[" + Event("Send", "a.com", null, "2024-01-01T00:00:00Z") + ",\n" + Event("Send", "b.com", null, "2024-01-01T00:00:00Z") + "]", "array");
            summary = import.Complete();
        }

        Assert.Empty(sink.Errors);
        Assert.Equal(12, summary.LinesRead);
        Assert.Equal(12, summary.EventsWritten);
        Assert.Equal(
            ["Bounce", "Click", "Complaint", "Delivery", "DeliveryDelay", "Open", "Reject", "Rendering Failure", "Send", "Subscription"],
            Directory.GetDirectories(Path.Combine(Store, "partitioned", "no-identity")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(Directory.Exists(Path.Combine(Store, "partitioned", "no-identity", "Bounce", "2017", "08", "05")));
    }

    [Fact]
    public void ObjectsRollOverAtTheBufferSize()
    {
        string record = Event("Send", "example.com", null, "2024-01-01T00:00:00Z");
        var options = new ImportOptions(Store) { BufferSizeBytes = (record.Length + 1) * 10 };

        ImportSummary summary = Import(string.Join("\n", Enumerable.Repeat(record, 35)), options);

        Assert.Equal(4, summary.ObjectsWritten);
        Assert.Equal(35, ReadAll("partitioned").Count);
    }

    [Fact]
    public void ManyPartitionsAtOnceKeepEveryRecord()
    {
        string[] records = Enumerable.Range(0, 300).Select(i => Event("Send", $"identity{i % 150}.example", null, "2024-01-01T00:00:00Z")).ToArray();

        ImportSummary summary = Import(string.Join("\n", records));

        Assert.Equal(150, summary.Partitions);
        Assert.True(summary.ObjectsWritten >= 150);
        Assert.Equal(records.Order(), ReadAll("partitioned").Order());
        AssertNoTempFiles();
    }

    [Fact]
    public void ArrivalTimeOptionUsesTodayForTheDayFolder()
    {
        Import(Event("Send", "example.com", null, "2020-01-01T00:00:00Z"), new ImportOptions(Store) { UseArrivalTime = true });

        string today = DateTime.UtcNow.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Directory.Exists(Path.Combine(Store, "partitioned", "example.com", "Send", today)));
    }

    [Fact]
    public void WhatIfCountsButWritesNothing()
    {
        ImportSummary summary = Import(Event("Send", "example.com", null, "2024-01-01T00:00:00Z") + "\n{bad", new ImportOptions(Store) { WhatIf = true });

        Assert.True(summary.WhatIf);
        Assert.Equal(ImportStatus.WhatIf, summary.Status);
        Assert.Equal(2, summary.LinesRead);
        Assert.Equal(1, summary.EventsToWrite);
        Assert.Equal(0, summary.EventsWritten);
        Assert.Equal(0, summary.ObjectsWritten);
        Assert.False(Directory.Exists(Store));
    }

    [Fact]
    public void ADeclinedImportSaysSo()
    {
        ImportSummary summary = Import(Event("Send", "example.com", null, "2024-01-01T00:00:00Z"), new ImportOptions(Store) { Declined = true });

        Assert.Equal(ImportStatus.Declined, summary.Status);
        Assert.Equal(1, summary.EventsToWrite);
        Assert.Equal(0, summary.EventsWritten);
        Assert.False(Directory.Exists(Store));
    }

    [Fact]
    public void TheSameTextImportedAgainIsSkippedAndDiscarded()
    {
        string text = Event("Send", "example.com", null, "2024-01-01T00:00:00Z") + "\n" + Event("Bounce", "example.com", "bounce", "2024-01-01T00:00:00Z");
        var sink = new RecordingSink();

        ImportSummary first = Import(text);
        ImportSummary again;
        using (var import = new SesEventImport(new ImportOptions(Store), sink, CancellationToken.None))
        {
            // The same records in other pieces are the same input.
            foreach (string line in text.Split('\n'))
            {
                import.ImportText(line, "piece");
            }

            again = import.Complete();
        }

        Assert.Equal(ImportStatus.Imported, first.Status);
        Assert.Equal(ImportStatus.Skipped, again.Status);
        Assert.Equal(2, again.EventsToWrite);
        Assert.Equal(0, again.EventsWritten);
        Assert.Equal(0, again.ObjectsWritten);
        Assert.Equal(2, ReadAll("partitioned").Count);
        Assert.Contains(sink.Warnings, w => w.StartsWith("Skipped the pipeline input:", StringComparison.Ordinal));
        AssertNoTempFiles();
    }

    [Fact]
    public void AFileImportedBeforeIsSkippedUnlessForced()
    {
        string file = Path.Combine(_work, "events.jsonl");
        File.WriteAllText(file, Event("Send", "example.com", null, "2024-01-01T00:00:00Z") + "\n");
        var sink = new RecordingSink();

        ImportSummary first = ImportFiles(new ImportOptions(Store), sink, file);
        ImportSummary skipped = ImportFiles(new ImportOptions(Store), sink, file);
        ImportSummary forced = ImportFiles(new ImportOptions(Store) { Force = true }, sink, file);

        Assert.Equal(1, first.EventsWritten);
        Assert.Equal(ImportStatus.Skipped, skipped.Status);
        Assert.Equal(1, skipped.InputsSkipped);
        Assert.Equal(0, skipped.LinesRead);
        Assert.Equal(ImportStatus.Imported, forced.Status);
        Assert.Equal(1, forced.EventsWritten);
        Assert.Equal(2, ReadAll("partitioned").Count);
        Assert.Single(sink.Warnings, w => w.StartsWith($"Skipped '{file}': the same content", StringComparison.Ordinal));
    }

    [Fact]
    public void ADamagedManifestIsReportedAndRewritten()
    {
        Directory.CreateDirectory(Path.Combine(Store, ".sesanalytics"));
        string manifest = Path.Combine(Store, ".sesanalytics", "imports.json");
        File.WriteAllText(manifest, "{ not json");
        var sink = new RecordingSink();
        ImportSummary summary;
        using (var import = new SesEventImport(new ImportOptions(Store), sink, CancellationToken.None))
        {
            import.ImportText(Event("Send", "example.com", null, "2024-01-01T00:00:00Z"), "text");
            summary = import.Complete();
        }

        Assert.Equal(1, summary.EventsWritten);
        Assert.Contains(sink.Warnings, w => w.StartsWith($"The import manifest '{manifest}' cannot be read", StringComparison.Ordinal));
        using JsonDocument written = JsonDocument.Parse(File.ReadAllText(manifest));
        Assert.Single(written.RootElement.EnumerateObject());
    }

    [Fact]
    public void AnImportThatDoesNotCompleteRecordsNothing()
    {
        string file = Path.Combine(_work, "events.jsonl");
        File.WriteAllText(file, string.Join("\n", Enumerable.Repeat(Event("Send", "example.com", null, "2024-01-01T00:00:00Z"), 5000)));
        using (var import = new SesEventImport(new ImportOptions(Store) { BufferSizeBytes = 4096 }, new RecordingSink(), CancellationToken.None))
        {
            import.ImportFile(file);
        }

        Assert.Empty(Directory.GetFiles(Store, "*", SearchOption.AllDirectories));
        Assert.Equal(5000, ImportFiles(new ImportOptions(Store), new RecordingSink(), file).EventsWritten);
    }

    [Fact]
    public void AnImportThatDoesNotCompleteLeavesNoObjects()
    {
        using (var import = new SesEventImport(new ImportOptions(Store), new RecordingSink(), CancellationToken.None))
        {
            import.ImportText(string.Join("\n", Enumerable.Repeat(Event("Send", "example.com", null, "2024-01-01T00:00:00Z"), 5000)), "text");
        }

        Assert.Empty(Directory.GetFiles(Store, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void CancellationStopsTheImportAndLeavesNoObjects()
    {
        using var stop = new CancellationTokenSource();
        var sink = new RecordingSink();
        string text = string.Join("\n", Enumerable.Repeat(Event("Send", "example.com", null, "2024-01-01T00:00:00Z"), 5000));
        using (var import = new SesEventImport(new ImportOptions(Store), sink, stop.Token))
        {
            import.ImportText(text, "first");
            stop.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => import.ImportText(text, "second"));
        }

        Assert.Empty(Directory.GetFiles(Store, "*", SearchOption.AllDirectories));
    }

    private static string Event(string type, string? identity, string? detail, string timestamp)
    {
        var record = new Dictionary<string, object?> { ["eventType"] = type };
        var mail = new Dictionary<string, object?> { ["timestamp"] = timestamp, ["source"] = "sender@example.com" };
        if (identity is not null)
        {
            mail["tags"] = new Dictionary<string, object?> { ["ses:sender-identity"] = new[] { identity } };
        }

        record["mail"] = mail;
        if (detail is not null)
        {
            record[detail] = new Dictionary<string, object?> { ["timestamp"] = timestamp };
        }

        return JsonSerializer.Serialize(record);
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    private static byte[] Truncated(byte[] gzip) => gzip[..(gzip.Length * 2 / 3)];

    private ImportSummary Import(string text, ImportOptions? options = null)
    {
        using var import = new SesEventImport(options ?? new ImportOptions(Store), new RecordingSink(), CancellationToken.None);
        import.ImportText(text, "text");
        return import.Complete();
    }

    private IEnumerable<string> Objects(string root) =>
        Directory.Exists(Path.Combine(Store, root)) ? Directory.GetFiles(Path.Combine(Store, root), "*.gz", SearchOption.AllDirectories) : [];

    private List<string> ReadAll(string root)
    {
        var lines = new List<string>();
        foreach (string file in Objects(root))
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            string text = reader.ReadToEnd();
            Assert.EndsWith("\n", text, StringComparison.Ordinal);
            lines.AddRange(text[..^1].Split('\n'));
        }

        return lines;
    }

    private IEnumerable<JsonElement> ErrorRecords() =>
        ReadAll("errors").Select(line => JsonDocument.Parse(line).RootElement);

    private ImportSummary ImportFiles(ImportOptions options, RecordingSink sink, params string[] files)
    {
        using var import = new SesEventImport(options, sink, CancellationToken.None);
        foreach (string file in files)
        {
            import.ImportFile(file);
        }

        return import.Complete();
    }

    // Objects, and the import manifest beside them; nothing half-written.
    private void AssertNoTempFiles() =>
        Assert.DoesNotContain(
            Directory.GetFiles(Store, "*", SearchOption.AllDirectories),
            f => !f.EndsWith(".gz", StringComparison.Ordinal) && f != Path.Combine(Store, ".sesanalytics", "imports.json"));

    [GeneratedRegex(@"^ses-analytics-1-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.gz$")]
    private static partial Regex ObjectName();
}
