using System.Management.Automation;
using SesAnalytics.Fakes.S3;
using SesAnalytics.Module.Tests.Query;
using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Objects;

/// <summary>Get-, Read- and Save-SesEventObject against a fake S3, typed as a user types them.</summary>
public sealed class EventObjectCommandTests : IDisposable
{
    private const string Day = "2026/11/24";
    private const string Range = "-From 2026-11-23 -To 2026-11-24";

    private readonly S3Fake _s3 = new();
    private readonly string _store = Path.Combine(Path.GetTempPath(), "ses-module-save-" + Guid.NewGuid().ToString("N"));

    public EventObjectCommandTests()
    {
        _s3.Put($"partitioned/mail.example.com/Bounce/{Day}/ses-1-2026-11-24-08-00-00-a.gz", [SampleStore.Bounce("mail.example.com", "Permanent", "gone@example.net")]);
        _s3.Put($"partitioned/mail.example.com/Send/{Day}/ses-1-2026-11-24-08-00-00-b.gz", [SampleStore.Send("mail.example.com", "gone@example.net"), SampleStore.Send("mail.example.com", "kept@example.net")]);
        _s3.Put($"partitioned/other.org/Send/{Day}/ses-1-2026-11-24-08-00-00-c.gz", [SampleStore.Send("other.org", "x@example.net")]);
    }

    public void Dispose()
    {
        _s3.Dispose();
        if (Directory.Exists(_store))
        {
            Directory.Delete(_store, recursive: true);
        }
    }

    [Fact]
    public void GetSesEventObject_lists_only_the_wanted_prefixes_and_never_shows_the_secret()
    {
        ScriptResult result = ModuleSession.Run($"Get-SesEventObject -BucketName {S3Fake.Bucket} -Identity '*.example.com' -EventType Bounce {Range} {_s3.AwsParameters} -Verbose");

        result.AssertSuccess();
        PSObject item = Assert.Single(result.Output);
        Assert.Equal("mail.example.com", item.Properties["Identity"].Value);
        Assert.Equal("Bounce", item.Properties["EventType"].Value);
        Assert.Equal(S3Fake.Bucket, item.Properties["BucketName"].Value);
        Assert.EndsWith("-a.gz", (string)item.Properties["Key"].Value, StringComparison.Ordinal);
        Assert.Equal(
            ["prefix=partitioned%2F", "prefix=partitioned%2Fmail.example.com%2FBounce%2F2026%2F11%2F23%2F", "prefix=partitioned%2Fmail.example.com%2FBounce%2F2026%2F11%2F24%2F"],
            _s3.Requests.Where(r => r.Method == "GET").Select(r => r.Query.Split('&').Single(p => p.StartsWith("prefix=", StringComparison.Ordinal))).ToList());
        Assert.All(_s3.Requests, r => Assert.Contains("/us-east-1/s3/aws4_request", r.Authorization, StringComparison.Ordinal));
        Assert.DoesNotContain(S3Fake.SecretKey, result.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void GetSesEventObject_takes_the_bucket_of_a_piped_stack_object()
    {
        ScriptResult result = ModuleSession.Run(
            $"[pscustomobject]@{{ StackName = 'ses-analytics'; BucketName = '{S3Fake.Bucket}' }} | Get-SesEventObject -Identity '*.example.com' -EventType Bounce {Range} {_s3.AwsParameters}");

        result.AssertSuccess();
        PSObject item = Assert.Single(result.Output);
        Assert.Equal(S3Fake.Bucket, item.Properties["BucketName"].Value);
    }

    [Fact]
    public void StackName_finds_the_bucket_in_the_stacks_outputs_for_Get_and_Save()
    {
        ScriptResult listed = ModuleSession.Run($"Get-SesEventObject -StackName ses-analytics -Identity '*.example.com' -EventType Bounce {Range} {_s3.AwsParameters}");
        ScriptResult saved = ModuleSession.Run($"Save-SesEventObject -StackName ses-analytics -Destination '{_store}' -Identity mail.example.com -EventType Send {Range} {_s3.AwsParameters}");
        ScriptResult whatIf = ModuleSession.Run($"Save-SesEventObject -StackName ses-analytics -Destination '{_store}-whatif' {Range} {_s3.AwsParameters} -WhatIf");

        listed.AssertSuccess();
        saved.AssertSuccess();
        whatIf.AssertSuccess();
        PSObject item = Assert.Single(listed.Output);
        Assert.Equal(S3Fake.Bucket, item.Properties["BucketName"].Value);
        Assert.Equal("Bounce", item.Properties["EventType"].Value);
        Assert.Equal(1, Assert.Single(saved.Output).Properties["ObjectsCopied"].Value);
        Assert.True(File.Exists(Path.Combine(_store, "partitioned", "mail.example.com", "Send", "2026", "11", "24", "ses-1-2026-11-24-08-00-00-b.gz")));
        Assert.Equal(0, Assert.Single(whatIf.Output).Properties["ObjectsCopied"].Value);
        Assert.False(Directory.Exists(_store + "-whatif"));
        Assert.Equal(3, _s3.Requests.Count(r => r.Method == "POST" && r.Authorization.Contains("/us-east-1/cloudformation/aws4_request", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_stack_object_pipes_into_Get_and_Save()
    {
        string stack = $"Get-SesAnalyticsStack -StackName ses-analytics {_s3.AwsParameters}";

        ScriptResult listed = ModuleSession.Run($"{stack} | Get-SesEventObject -EventType Send {Range} {_s3.AwsParameters}");
        ScriptResult saved = ModuleSession.Run($"{stack} | Save-SesEventObject -Destination '{_store}' {Range} {_s3.AwsParameters}");

        listed.AssertSuccess();
        saved.AssertSuccess();
        Assert.Equal(["mail.example.com", "other.org"], listed.Output.Select(o => (string)o.Properties["Identity"].Value));
        Assert.Equal(3, Assert.Single(saved.Output).Properties["ObjectsCopied"].Value);
        // One DescribeStacks for each Get-SesAnalyticsStack: the piped object's BucketName binds, so no second lookup.
        Assert.Equal(2, _s3.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public void A_stack_without_the_bucket_output_is_a_clear_error_and_nothing_is_written()
    {
        _s3.Stack.Outputs.Remove("BucketName");

        ScriptResult listed = ModuleSession.Run($"Get-SesEventObject -StackName ses-analytics {Range} {_s3.AwsParameters}");
        ScriptResult saved = ModuleSession.Run($"Save-SesEventObject -StackName ses-analytics -Destination '{_store}' {Range} {_s3.AwsParameters}");
        ScriptResult piped = ModuleSession.Run($"Get-SesAnalyticsStack ses-analytics {_s3.AwsParameters} | Save-SesEventObject '{_store}' {Range} {_s3.AwsParameters}");

        foreach (ScriptResult result in new[] { listed, saved, piped })
        {
            Assert.Empty(result.Output);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("StackOutputsMissing", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("'ses-analytics' has no BucketName output", error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("-BucketName", error.Exception.Message, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(_store));
        Assert.DoesNotContain(_s3.Requests, r => r.Method == "GET");
    }

    [Fact]
    public void An_unknown_stack_is_a_clear_error()
    {
        ScriptResult listed = ModuleSession.Run($"Get-SesEventObject -StackName no-such-stack {Range} {_s3.AwsParameters}");
        ScriptResult saved = ModuleSession.Run($"Save-SesEventObject -StackName no-such-stack -Destination '{_store}' {Range} {_s3.AwsParameters}");

        foreach (ScriptResult result in new[] { listed, saved })
        {
            Assert.Empty(result.Output);
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("StackNotFound", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains("'no-such-stack' does not exist", error.Exception.Message, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(_store));
    }

    [Theory]
    [InlineData("Get-SesEventObject")]
    [InlineData("Save-SesEventObject")]
    public void The_help_examples_run(string command)
    {
        // The examples leave the AWS parameters out; this engine has no Microsoft.PowerShell.Utility, so no Get-Date.
        string defaults =
            $"$PSDefaultParameterValues = @{{ '*-Ses*:EndpointUrl' = 'http://127.0.0.1:{_s3.Port}'; '*-Ses*:AccessKey' = '{S3Fake.AccessKey}'; " +
            $"'*-Ses*:SecretKey' = '{S3Fake.SecretKey}'; '*-Ses*:Region' = 'us-east-1' }}\nfunction Get-Date {{ [datetime]::Now }}";
        HelpExamples.AssertEachRuns(command, defaults, example => example.Replace("./ses-store", $"'{_store}'", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadSesEventObject_from_S3_falls_back_with_one_warning_and_the_same_records()
    {
        string script = $"Get-SesEventObject {S3Fake.Bucket} -Identity mail.example.com {Range} {_s3.AwsParameters} | Read-SesEventObject -Expression \"SELECT s.eventType, s.mail.destination[0] AS Recipient FROM S3Object[*] s\" {_s3.AwsParameters}";
        ScriptResult viaSelect = ModuleSession.Run(
            $"Get-SesEventObject {S3Fake.Bucket} -Identity mail.example.com {Range} {_s3.AwsParameters} | Read-SesEventObject {_s3.AwsParameters}");
        _s3.SelectAvailable = false;
        ScriptResult fallback = ModuleSession.Run(script);
        ScriptResult selectAll = ModuleSession.Run(
            $"Get-SesEventObject {S3Fake.Bucket} -Identity mail.example.com {Range} {_s3.AwsParameters} | Read-SesEventObject {_s3.AwsParameters}");

        viaSelect.AssertSuccess();
        fallback.AssertSuccess();
        selectAll.AssertSuccess();
        Assert.Empty(viaSelect.Warnings);
        Assert.Contains("MethodNotAllowed", Assert.Single(fallback.Warnings).Message, StringComparison.Ordinal);
        Assert.Single(selectAll.Warnings);
        Assert.Equal(["Send", "Send", "Bounce"], fallback.Output.Select(o => (string)o.Properties["eventType"].Value));
        Assert.Equal(["gone@example.net", "kept@example.net", "gone@example.net"], fallback.Output.Select(o => (string)o.Properties["Recipient"].Value));
        Assert.Equal(3, viaSelect.Output.Count);
        Assert.Equal(
            viaSelect.Output.Select(o => o.Properties["mail"].Value is PSObject mail ? mail.Properties["messageId"].Value : null),
            selectAll.Output.Select(o => o.Properties["mail"].Value is PSObject mail ? mail.Properties["messageId"].Value : null));
    }

    [Fact]
    public void ReadSesEventObject_ClientSide_reads_by_bucket_and_key_without_S3_Select()
    {
        ScriptResult result = ModuleSession.Run(
            $"Read-SesEventObject -BucketName {S3Fake.Bucket} -Key 'partitioned/other.org/Send/{Day}/ses-1-2026-11-24-08-00-00-c.gz' -ClientSide -Expression 'SELECT COUNT(*) AS Events FROM S3Object[*] s' {_s3.AwsParameters}");

        result.AssertSuccess();
        Assert.Equal(1L, Assert.Single(result.Output).Properties["Events"].Value);
        Assert.DoesNotContain(_s3.Requests, r => r.Method == "POST");
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void SaveSesEventObject_twice_copies_nothing_the_second_time_and_GetSesBounce_reads_the_store()
    {
        string save = $"Save-SesEventObject -Destination '{_store}' -BucketName {S3Fake.Bucket} {Range} {_s3.AwsParameters}";

        ScriptResult first = ModuleSession.Run(save);
        ScriptResult second = ModuleSession.Run($"Get-SesEventObject {S3Fake.Bucket} {Range} {_s3.AwsParameters} | Save-SesEventObject '{_store}' {_s3.AwsParameters}");
        ScriptResult bounces = ModuleSession.Run($"Get-SesBounce -Path '{_store}' {Range}");
        ScriptResult whatIf = ModuleSession.Run($"Save-SesEventObject -Destination '{_store}-whatif' -BucketName {S3Fake.Bucket} {Range} {_s3.AwsParameters} -WhatIf");

        first.AssertSuccess();
        second.AssertSuccess();
        bounces.AssertSuccess();
        whatIf.AssertSuccess();
        PSObject copied = Assert.Single(first.Output);
        Assert.Equal(3, copied.Properties["ObjectsCopied"].Value);
        Assert.True((long)copied.Properties["BytesCopied"].Value > 0);
        Assert.Contains(first.Progress, p => p.PercentComplete is > 0 and <= 100);
        PSObject skipped = Assert.Single(second.Output);
        Assert.Equal(0, skipped.Properties["ObjectsCopied"].Value);
        Assert.Equal(3, skipped.Properties["ObjectsSkipped"].Value);
        Assert.Equal("gone@example.net", Assert.Single(bounces.Output).Properties["EmailAddress"].Value);
        Assert.Equal(0, Assert.Single(whatIf.Output).Properties["ObjectsCopied"].Value);
        Assert.False(Directory.Exists(_store + "-whatif"));
    }

    [Fact]
    public void A_missing_object_is_an_error_for_that_object_only()
    {
        ScriptResult result = ModuleSession.Run(
            $"[pscustomobject]@{{ BucketName = '{S3Fake.Bucket}'; Key = 'partitioned/gone.gz' }}, [pscustomobject]@{{ BucketName = '{S3Fake.Bucket}'; Key = 'partitioned/other.org/Send/{Day}/ses-1-2026-11-24-08-00-00-c.gz' }} | Read-SesEventObject {_s3.AwsParameters}");

        Assert.Null(result.TerminatingError);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("NoSuchKey", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("MODULEFAKE", error.Exception.Message, StringComparison.Ordinal);
        Assert.Single(result.Output);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("other.org", "-c.gz", "-ClientSide", "GET")]
    [InlineData("mail.example.com", "-b.gz", "", "POST")]
    public void CtrlC_stops_a_read_that_waits_on_S3(string identity, string suffix, string switches, string method)
    {
        _s3.BodyStall = TimeSpan.FromSeconds(60);
        bool Asked(string verb) => _s3.Requests.Any(r => r.Method == verb && S3Fake.KeyOf(r).EndsWith(suffix, StringComparison.Ordinal));

        (ScriptResult result, TimeSpan stopTook) = ModuleSession.RunAndStop(
            $"Read-SesEventObject -BucketName {S3Fake.Bucket} -Key 'partitioned/{identity}/Send/{Day}/ses-1-2026-11-24-08-00-00{suffix}' {switches} {_s3.AwsParameters}",
            () => Asked(method),
            TimeSpan.FromSeconds(30));

        Assert.True(stopTook < TimeSpan.FromSeconds(3), $"Stopping took {stopTook}.");
        Assert.Empty(result.Output);
        Assert.True(Asked(method));
        // S3 Select stopped is not a refusal: no fallback GET follows it.
        Assert.True(method == "GET" || !Asked("GET"));
    }

    [Fact]
    public void ReadSesEventObject_Path_needs_no_AWS_settings()
    {
        string file = Path.Combine(Path.GetTempPath(), "ses-module-local-" + Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllText(file, "{\"a\":1}\n");
        try
        {
            ScriptResult result = ModuleSession.Run($"Read-SesEventObject -Path '{file}'");

            result.AssertSuccess();
            Assert.Equal(1L, Assert.Single(result.Output).Properties["a"].Value);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
