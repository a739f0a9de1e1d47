using System.Management.Automation;
using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Partitioning;

public sealed class ImportSesEventTests : IDisposable
{
    private const string SendEvent = "{\"eventType\":\"Send\",\"mail\":{\"timestamp\":\"2024-05-01T10:00:00.000Z\",\"tags\":{\"ses:sender-identity\":[\"example.com\"]}}}";
    private const string BounceEvent = "{\"eventType\":\"Bounce\",\"bounce\":{\"timestamp\":\"2024-05-02T10:00:00.000Z\"},\"mail\":{\"timestamp\":\"2024-05-01T10:00:00.000Z\",\"tags\":{\"ses:sender-identity\":[\"hello@example.com\"]}}}";

    private readonly string _work = Directory.CreateTempSubdirectory("import-sesevent-").FullName;

    private string Store => Path.Combine(_work, "store");

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [SkippableFact]
    public void ImportsTheFixtureFilesByWildcard()
    {
        string fixtures = Path.Combine(RepoPaths.Shared, "fixtures", "ses-events");
        Skip.IfNot(Directory.Exists(fixtures), "The shared SES fixtures (../shared/fixtures/ses-events) are not next to the repository.");

        ScriptResult result = ModuleSession.Run(
            "Import-SesEvent -Path \"$fixtures/*.json\" -Destination $store",
            new Dictionary<string, object?> { ["fixtures"] = fixtures, ["store"] = Store });

        result.AssertSuccess();
        PSObject summary = Assert.Single(result.Output);
        Assert.Equal(10L, Value(summary, "LinesRead"));
        Assert.Equal(10L, Value(summary, "EventsWritten"));
        Assert.Equal(0L, Value(summary, "ErrorsWritten"));
        Assert.Equal(0L, Value(summary, "Rejected"));
        Assert.Equal(10, Value(summary, "Partitions"));
        Assert.Equal(10L, Value(summary, "ObjectsWritten"));
        Assert.Equal(10, Directory.GetFiles(Path.Combine(Store, "partitioned", "no-identity"), "*.gz", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void ImportsJsonStringsAndJsonPropertiesFromThePipeline()
    {
        ScriptResult result = ModuleSession.Run(
            "@($send, ($send + \"`n\" + $bounce), [pscustomobject]@{ Json = $bounce }) | Import-SesEvent -Destination $store",
            new Dictionary<string, object?> { ["send"] = SendEvent, ["bounce"] = BounceEvent, ["store"] = Store });

        result.AssertSuccess();
        PSObject summary = Assert.Single(result.Output);
        Assert.Equal(4L, Value(summary, "LinesRead"));
        Assert.Equal(4L, Value(summary, "EventsWritten"));
        Assert.Contains(result.Progress, p => p.RecordType == ProgressRecordType.Completed);
        Assert.True(Directory.Exists(Path.Combine(Store, "partitioned", "example.com", "Send", "2024", "05", "01")));
        Assert.True(Directory.Exists(Path.Combine(Store, "partitioned", "hello@example.com", "Bounce", "2024", "05", "02")));
    }

    [Fact]
    public void WhatIfReadsAndCountsButWritesNothing()
    {
        string file = Path.Combine(_work, "events.jsonl");
        File.WriteAllText(file, SendEvent + "\n" + BounceEvent + "\n");

        ScriptResult result = ModuleSession.Run(
            "Import-SesEvent -LiteralPath $file -Destination $store -WhatIf",
            new Dictionary<string, object?> { ["file"] = file, ["store"] = Store });

        result.AssertSuccess();
        PSObject summary = Assert.Single(result.Output);
        Assert.Equal(true, Value(summary, "WhatIf"));
        Assert.Equal(2L, Value(summary, "EventsWritten"));
        Assert.Equal(0L, Value(summary, "ObjectsWritten"));
        Assert.False(Directory.Exists(Store));
    }

    [Fact]
    public void AMalformedLineIsAnErrorWithFileAndLineWhileTheRestIsWritten()
    {
        string file = Path.Combine(_work, "events.jsonl");
        File.WriteAllText(file, SendEvent + "\n{\"eventType\": broken\n" + BounceEvent + "\n");

        ScriptResult result = ModuleSession.Run(
            "Import-SesEvent -Path $file -Destination $store -StreamName my-stream -BufferSizeMB 1",
            new Dictionary<string, object?> { ["file"] = file, ["store"] = Store });

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("MalformedRecord", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(file, error.TargetObject);
        Assert.Contains("Line 2 of", error.Exception.Message, StringComparison.Ordinal);
        Assert.Null(result.TerminatingError);
        PSObject summary = Assert.Single(result.Output);
        Assert.Equal(3L, Value(summary, "LinesRead"));
        Assert.Equal(2L, Value(summary, "EventsWritten"));
        Assert.Equal(1L, Value(summary, "Rejected"));
        Assert.All(
            Directory.GetFiles(Path.Combine(Store, "partitioned"), "*", SearchOption.AllDirectories),
            f => Assert.StartsWith("my-stream-1-", Path.GetFileName(f), StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingPathIsAnErrorForThatPathOnly()
    {
        string file = Path.Combine(_work, "events.jsonl");
        File.WriteAllText(file, SendEvent + "\n");

        ScriptResult result = ModuleSession.Run(
            "Import-SesEvent -Path $missing, $file -Destination $store",
            new Dictionary<string, object?> { ["file"] = file, ["missing"] = Path.Combine(_work, "nope.json"), ["store"] = Store });

        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("PathNotFound", StringComparison.Ordinal));
        Assert.Equal(1L, Value(Assert.Single(result.Output), "EventsWritten"));
    }

    [Fact]
    public void StoppingLeavesOnlyCompleteObjects()
    {
        string file = Path.Combine(_work, "big.jsonl");
        using (var writer = new StreamWriter(file))
        {
            for (int i = 0; i < 300_000; i++)
            {
                writer.Write(i % 2 == 0 ? SendEvent : BounceEvent);
                writer.Write('\n');
            }
        }

        (ScriptResult result, TimeSpan stopTook) = ModuleSession.RunAndStop(
            $"Import-SesEvent -LiteralPath '{file}' -Destination '{Store}' -BufferSizeMB 1",
            TimeSpan.FromSeconds(1.5));

        Assert.True(stopTook < TimeSpan.FromSeconds(10), $"Stopping took {stopTook}.");
        Assert.Empty(result.Output);
        string[] files = Directory.Exists(Store) ? Directory.GetFiles(Store, "*", SearchOption.AllDirectories) : [];
        Assert.All(files, f =>
        {
            Assert.EndsWith(".gz", f, StringComparison.Ordinal);
            using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(f), System.IO.Compression.CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            Assert.EndsWith("}\n", reader.ReadToEnd(), StringComparison.Ordinal);
        });
    }

    private static object? Value(PSObject item, string name) => item.Properties[name].Value;
}
