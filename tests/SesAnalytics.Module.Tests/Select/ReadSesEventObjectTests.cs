using System.IO.Compression;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using SesAnalytics.Fakes.S3;
using SesAnalytics.Module.Tests.Objects;
using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Select;

public sealed class ReadSesEventObjectTests : IDisposable
{
    private const string Bounce = """{"eventType":"Bounce","bounce":{"bounceType":"Permanent","bouncedRecipients":[{"emailAddress":"a@example.com"},{"emailAddress":"b@example.com"}]},"mail":{"messageId":"m-1","tags":{"ses:sender-identity":["example.com"]}},"size":12,"score":0.25,"big":1e300}""";
    private const string Delivery = """{"eventType":"Delivery","mail":{"messageId":"m-2","tags":{"ses:sender-identity":["example.com"]}}}""";
    private readonly string _directory = Directory.CreateTempSubdirectory("ses-select-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void FiltersBouncesAndProjectsTheMessageId()
    {
        string file = WriteGzip("events.gz", Bounce, Delivery);
        ScriptResult result = Run("Read-SesEventObject -Path $obj -Expression \"SELECT s.mail.messageId FROM S3Object[*] s WHERE s.eventType = 'Bounce'\"", file);

        result.AssertSuccess();
        PSObject record = Assert.Single(result.Output);
        Assert.Equal("m-1", record.Properties["messageId"].Value);
        Assert.Single(record.Properties);
    }

    [Fact]
    public void SelectStarGivesNestedObjectsArraysAndNumbers()
    {
        string file = WriteGzip("events.gz", Bounce);
        ScriptResult result = Run("Read-SesEventObject $obj", file);

        result.AssertSuccess();
        PSObject record = Assert.Single(result.Output);
        Assert.Equal("Bounce", record.Properties["eventType"].Value);
        var bounce = (PSObject)record.Properties["bounce"].Value;
        var recipients = (object[])bounce.Properties["bouncedRecipients"].Value;
        Assert.Equal("b@example.com", ((PSObject)recipients[1]).Properties["emailAddress"].Value);
        Assert.Equal(12L, record.Properties["size"].Value);
        Assert.Equal(0.25m, record.Properties["score"].Value);
        Assert.Equal(1e300, record.Properties["big"].Value);
    }

    [Fact]
    public void CountsAndReadsQuotedTagNames()
    {
        string file = WriteGzip("events.gz", Bounce, Delivery);
        ScriptResult count = Run("Read-SesEventObject -Path $obj -Expression 'SELECT COUNT(*) AS Events FROM S3Object[*] s'", file);
        ScriptResult tag = Run("Read-SesEventObject -Path $obj -Expression 'SELECT s.mail.tags.\"ses:sender-identity\"[0] AS Identity FROM S3Object[*] s LIMIT 1'", file);

        count.AssertSuccess();
        Assert.Equal(2L, Assert.Single(count.Output).Properties["Events"].Value);
        tag.AssertSuccess();
        Assert.Equal("example.com", Assert.Single(tag.Output).Properties["Identity"].Value);
    }

    [Fact]
    public void ReadsPlainJsonLinesWildcardsAndPipelineInput()
    {
        WriteText("a.json", Bounce);
        WriteText("b.jsonl", Delivery);
        string pattern = Path.Combine(_directory, "*.json*");
        ScriptResult wildcard = Run("Read-SesEventObject -Path $obj -Expression 'SELECT s.eventType FROM S3Object s' | ForEach-Object eventType", pattern);
        ScriptResult piped = Run("[pscustomobject]@{ FullName = $obj } | Read-SesEventObject | ForEach-Object eventType", Path.Combine(_directory, "b.jsonl"));

        wildcard.AssertSuccess();
        Assert.Equal(["Bounce", "Delivery"], wildcard.Output.Select(o => o.BaseObject).Order());
        piped.AssertSuccess();
        Assert.Equal("Delivery", Assert.Single(piped.Output).BaseObject);
    }

    [Fact]
    public void LiteralPathTakesBracketsLiterally()
    {
        string file = WriteGzip("day[1].gz", Delivery);
        ScriptResult result = Run("Read-SesEventObject -LiteralPath $obj", file);

        result.AssertSuccess();
        Assert.Single(result.Output);
    }

    [Fact]
    public void PipedFileNamesWithBracketsAreReadAndUnmatchedWildcardsReported()
    {
        string file = WriteGzip("day[1].gz", Delivery);
        ScriptResult piped = Run("[System.IO.FileInfo]::new($obj) | Read-SesEventObject | ForEach-Object eventType", file);
        ScriptResult unmatched = Run("Read-SesEventObject -Path $obj", Path.Combine(_directory, "nothing-*.gz"));

        piped.AssertSuccess();
        Assert.Equal("Delivery", Assert.Single(piped.Output).BaseObject);
        Assert.StartsWith("PathNotFound", Assert.Single(unmatched.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedFolderIsAPerPathErrorAndWildcardsSkipFolders()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "sub"));
        WriteGzip("events.gz", Delivery);
        ScriptResult folder = Run("Read-SesEventObject -Path $obj", _directory);
        ScriptResult wildcard = Run("Read-SesEventObject -Path $obj", Path.Combine(_directory, "*"));

        Assert.StartsWith("PathIsDirectory", Assert.Single(folder.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        wildcard.AssertSuccess();
        Assert.Single(wildcard.Output);
    }

    [Fact]
    public void BadExpressionIsATerminatingErrorWithTheErrorId()
    {
        string file = WriteGzip("events.gz", Bounce);
        // Only a terminating error reaches catch without -ErrorAction Stop.
        ScriptResult result = Run(
            "try { Read-SesEventObject -Path $obj -Expression 'SELECT * FROM S3Object[*] s GROUP BY s.eventType'; 'not stopped' } catch { $_ }",
            file);

        ErrorRecord error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("UnsupportedSelectSyntax,SesAnalytics.Cmdlets.Commands.ReadSesEventObjectCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("GROUP BY", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("position 29", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnS3SelectErrorInMidStreamIsAnErrorRecordWithS3sCodeAfterTheRecordsBeforeIt()
    {
        using var s3 = new S3Fake { SelectFailsMidStream = ("InvalidTextEncoding", "UTF-8 encoding is required.") };
        // Six short records: the server's first Records event (64 bytes) holds the first two whole.
        s3.Put("o.gz", Enumerable.Range(1, 6).Select(i => $"{{\"n\":{i},\"pad\":\"abcdefghij\"}}"));

        ScriptResult result = ModuleSession.Run(
            $"Read-SesEventObject -BucketName {S3Fake.Bucket} -Key o.gz -Expression 'SELECT s.n FROM S3Object[*] s' {s3.AwsParameters}");

        Assert.Null(result.TerminatingError);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("InvalidTextEncoding,SesAnalytics.Cmdlets.Commands.ReadSesEventObjectCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal($"s3://{S3Fake.Bucket}/o.gz", error.TargetObject);
        Assert.Contains("UTF-8 encoding is required.", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Contains("Request ID: MODULEFAKE", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(S3Fake.SecretKey, result.AllText(), StringComparison.Ordinal);
        Assert.Equal([1L, 2L], result.Output.Select(o => o.Properties["n"].Value));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void MissingFileIsAPerFileErrorAndOtherFilesStillYield()
    {
        string good = WriteGzip("events.gz", Bounce, Delivery);
        string missing = Path.Combine(_directory, "missing.gz");
        ScriptResult result = ModuleSession.Run(
            "Read-SesEventObject -Path $missing, $good -Expression 'SELECT s.eventType FROM S3Object[*] s'",
            new Dictionary<string, object?> { ["missing"] = missing, ["good"] = good });

        Assert.Null(result.TerminatingError);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("PathNotFound", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(2, result.Output.Count);
    }

    [Fact]
    public void MalformedLineIsAPerFileErrorNamingFileAndLine()
    {
        string bad = WriteGzip("bad.gz", Bounce, "{not json");
        string good = WriteGzip("good.gz", Delivery);
        ScriptResult result = ModuleSession.Run(
            "Read-SesEventObject -LiteralPath $bad, $good",
            new Dictionary<string, object?> { ["bad"] = bad, ["good"] = good });

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("MalformedRecord", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains("bad.gz", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Contains("Line 2", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Output.Count);
    }

    [SkippableFact]
    public void ReadsTheDocumentedExampleEvents()
    {
        string fixtures = Path.Combine(RepoPaths.Shared, "fixtures", "ses-events");
        Skip.IfNot(Directory.Exists(fixtures), $"The shared SES event fixtures are not at '{fixtures}'.");
        string[] lines = Directory.GetFiles(fixtures, "*.json")
            .Select(f => JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllText(f)).RootElement))
            .ToArray();
        string file = WriteGzip("fixtures.gz", lines);

        ScriptResult result = Run(
            "Read-SesEventObject $obj \"SELECT s.bounce.bouncedRecipients[0].emailAddress AS EmailAddress, s.bounce.bounceType AS BounceType FROM S3Object[*] s WHERE s.eventType = 'Bounce'\"",
            file);

        result.AssertSuccess();
        PSObject bounce = Assert.Single(result.Output);
        Assert.Equal("recipient@example.com", bounce.Properties["EmailAddress"].Value);
        Assert.Equal("Permanent", bounce.Properties["BounceType"].Value);
    }

    [Fact]
    public void StopsPromptly()
    {
        string file = Path.Combine(_directory, "large.gz");
        using (var gzip = new GZipStream(File.Create(file), CompressionLevel.Fastest))
        {
            byte[] line = Encoding.UTF8.GetBytes(Delivery + "\n");
            for (int i = 0; i < 3_000_000; i++)
            {
                gzip.Write(line);
            }
        }

        (ScriptResult result, TimeSpan took) = ModuleSession.RunAndStop(
            $"Read-SesEventObject -LiteralPath '{file}' -Expression \"SELECT COUNT(*) FROM S3Object[*] s\"",
            TimeSpan.FromSeconds(1));

        Assert.True(took < TimeSpan.FromSeconds(3), $"Stopping took {took}.");
        Assert.Empty(result.Output);
    }

    private ScriptResult Run(string script, string obj) =>
        ModuleSession.Run(script, new Dictionary<string, object?> { ["obj"] = obj });

    private string WriteGzip(string name, params string[] lines)
    {
        string path = Path.Combine(_directory, name);
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));
        return path;
    }

    private void WriteText(string name, params string[] lines) =>
        File.WriteAllText(Path.Combine(_directory, name), string.Join("\n", lines) + "\n");
}
