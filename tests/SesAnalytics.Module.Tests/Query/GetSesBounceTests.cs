using System.Management.Automation;
using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Query;

public sealed class GetSesBounceTests : IDisposable
{
    private static readonly DateOnly Day = new(2024, 3, 8);
    private readonly SampleStore _store = new();

    public GetSesBounceTests()
    {
        _store.Add("example.com", "Bounce", Day, [
            SampleStore.Bounce("example.com", "Permanent", "recipient1@example.net"),
            SampleStore.Bounce("example.com", "Transient", "recipient2@example.net"),
            SampleStore.Bounce("example.com", "Permanent", "other@example.net"),
        ]);
        _store.Add("mail.example.org", "Bounce", Day.AddDays(1), [SampleStore.Bounce("mail.example.org", "Permanent", "bounce@simulator.amazonses.com")]);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void A_piped_store_binds_by_Path_or_Destination_as_Save_SesEventObject_writes_it()
    {
        ScriptResult result = Run("""
            [pscustomobject]@{ Destination = $store } | Get-SesBounce -From 2024-03-08 -To 2024-03-09
            [pscustomobject]@{ Path = $store } | Get-SesEventSummary -From 2024-03-08 -To 2024-03-09 -Total
            """);

        result.AssertSuccess();
        Assert.Equal(4, result.Output.Count(o => o.BaseObject.GetType().Name == "BounceRecord"));
        Assert.Equal(2, result.Output.Count(o => o.BaseObject.GetType().Name == "EventSummary"));
    }

    [Fact]
    public void Get_SesEvent_reads_each_piped_store_and_a_missing_one_is_its_own_error()
    {
        ScriptResult result = Run("""
            @([pscustomobject]@{ Path = "$store-missing" }, [pscustomobject]@{ Path = $store }) | Get-SesEvent -From 2024-03-08 -To 2024-03-09
            """);

        Assert.Null(result.TerminatingError);
        Assert.Equal(4, result.Output.Count);
        Assert.StartsWith("StoreNotFound,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void Tab_completes_Identity_from_the_stores_identities()
    {
        ScriptResult result = Run("""
            function Complete([string] $line) { [System.Management.Automation.CommandCompletion]::CompleteInput($line, $line.Length, $null).CompletionMatches | ForEach-Object CompletionText }
            (Complete "Get-SesBounce -Path '$store' -Identity ma") -join ','
            (Complete "Get-SesEvent '$store' Bounce -Identity ") -join ','
            (Complete "Get-SesEventSummary -Path '$store' -Identity X") -join ','
            (Complete "Get-SesBounce -Path '$store-missing' -Identity ") -join ','
            """);

        result.AssertSuccess();
        Assert.Equal(["mail.example.org", "example.com,mail.example.org", string.Empty, string.Empty], result.Output.Select(o => o.BaseObject.ToString()));
    }

    [Fact]
    public void ReturnsOneTypedObjectPerBouncedRecipient()
    {
        ScriptResult result = Run("Get-SesBounce -Path $store -From 2024-03-08 -To 2024-03-09");

        result.AssertSuccess();
        Assert.Equal(4, result.Output.Count);
        PSObject first = result.Output[0];
        Assert.Equal("SesAnalytics.Engine.Query.BounceRecord", first.BaseObject.GetType().FullName);
        Assert.Equal("example.com", Value(first, "Identity"));
        Assert.Equal(Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Value(first, "Day"));
        Assert.Equal(new DateTime(2024, 3, 8, 17, 14, 29, 713, DateTimeKind.Utc), Value(first, "SendTime"));
        Assert.Equal("default-1", Value(first, "ConfigurationSet"));
        Assert.Equal("test-bounce", Value(first, "Subject"));
        Assert.Equal("smtp; 550 5.1.1 user unknown", Value(first, "DiagnosticCode"));
        Assert.Equal("mail.example.org", Value(result.Output[3], "Identity"));
    }

    [Fact]
    public void RecipientAndBounceTypeFilter()
    {
        ScriptResult recipients = Run("Get-SesBounce $store -From 2024-03-08 -To 2024-03-09 -Recipient 'recip*' | ForEach-Object EmailAddress");
        ScriptResult permanent = Run("Get-SesBounce $store -From 2024-03-08 -To 2024-03-09 -BounceType Permanent | ForEach-Object EmailAddress");

        recipients.AssertSuccess();
        permanent.AssertSuccess();
        Assert.Equal(["recipient1@example.net", "recipient2@example.net"], recipients.Output.Select(o => (string)o.BaseObject).Order());
        Assert.Equal(["bounce@simulator.amazonses.com", "other@example.net", "recipient1@example.net"], permanent.Output.Select(o => (string)o.BaseObject).Order());
    }

    [Fact]
    public void IdentityTakesWildcards()
    {
        ScriptResult result = Run("Get-SesBounce $store -From 2024-03-08 -To 2024-03-09 -Identity '*.org' | ForEach-Object Identity");

        result.AssertSuccess();
        Assert.Equal(["mail.example.org"], result.Output.Select(o => (string)o.BaseObject));
    }

    [Fact]
    public void AnInjectionAttemptFindsNothing()
    {
        ScriptResult result = Run("Get-SesBounce $store -From 2024-03-08 -To 2024-03-09 -Recipient \"x' OR 1=1 --\"");

        result.AssertSuccess();
        Assert.Empty(result.Output);
    }

    [Fact]
    public void AMissingStoreIsATerminatingStoreNotFound()
    {
        ScriptResult result = Run("Get-SesBounce -Path \"$store/missing\"");

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.Equal("StoreNotFound,SesAnalytics.Cmdlets.Commands.GetSesBounceCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("Import-SesEvent", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void AnUnknownBounceTypeIsRejected()
    {
        ScriptResult result = Run("Get-SesBounce $store -BounceType Soft");

        Assert.StartsWith("ParameterArgumentValidationError", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void CtrlCStopsALongQueryPromptly()
    {
        const string line = "{\"bounce\":{\"bounceType\":\"Permanent\",\"bouncedRecipients\":[{\"emailAddress\":\"r@x.test\"}]}}";
        _store.AddRepeated("big.example", "Bounce", Day, line, 1_000_000);

        (ScriptResult result, TimeSpan stopTook) = ModuleSession.RunAndStop($"Get-SesBounce '{_store.Root}' -From 2024-03-08 -To 2024-03-08 -Identity big.example", TimeSpan.FromMilliseconds(1500));

        Assert.True(stopTook < TimeSpan.FromSeconds(3), $"Stopping took {stopTook}.");
        Assert.Empty(result.Output);
    }

    private ScriptResult Run(string script) => ModuleSession.Run(script, new Dictionary<string, object?> { ["store"] = _store.Root });

    private static object? Value(PSObject item, string name) => item.Properties[name].Value;
}
