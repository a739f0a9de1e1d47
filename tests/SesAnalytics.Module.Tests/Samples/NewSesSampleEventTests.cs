using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Samples;

public sealed partial class NewSesSampleEventTests
{
    private static readonly string[] EventTypes =
        ["Send", "Reject", "Bounce", "Complaint", "Delivery", "Open", "Click", "RenderingFailure", "DeliveryDelay", "Subscription"];

    [Fact]
    public void ReturnsTypedEventsUsersCanFilterOn()
    {
        ScriptResult result = ModuleSession.Run("New-SesSampleEvent -Count 50 -Seed 7");

        result.AssertSuccess();
        Assert.Equal(50, result.Output.Count);
        Assert.All(result.Output, o =>
        {
            Assert.Contains(o.Properties["EventType"].Value.ToString(), EventTypes);
            Assert.Contains(o.Properties["Identity"].Value, new object[] { "example.com", "mail.example.org", "alerts@example.net" });
            Assert.Matches("^0100[0-9a-f]{12}-", (string)o.Properties["MessageId"].Value);
            Assert.IsType<DateTime>(o.Properties["Timestamp"].Value);
            Assert.NotNull(o.Properties["Recipients"].Value);
            Assert.NotNull(o.Properties["Mail"].Value);
            Assert.Contains("SesAnalytics.Engine.Events.SesEvent", o.TypeNames);
        });
    }

    [Fact]
    public void AsJsonReturnsTheRecordLines()
    {
        ScriptResult result = ModuleSession.Run("New-SesSampleEvent -Count 50 -Seed 7 -AsJson");

        result.AssertSuccess();
        Assert.Equal(50, result.Output.Count);
        Assert.All(result.Output, o =>
        {
            string line = Assert.IsType<string>(o.BaseObject);
            Assert.StartsWith("{\"eventType\":\"", line, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', line);
        });
    }

    [Fact]
    public void TheSameSeedGivesTheSameEventsAndTheJsonMatchesTheObjects()
    {
        ScriptResult result = ModuleSession.Run(
            "$a = New-SesSampleEvent -Count 30 -Seed 3 -StartDate 2024-03-01 -Days 2 -AsJson\n" +
            "$b = New-SesSampleEvent -Count 30 -Seed 3 -StartDate 2024-03-01 -Days 2 | ForEach-Object Json\n" +
            "$c = New-SesSampleEvent -Count 30 -Seed 4 -StartDate 2024-03-01 -Days 2 -AsJson\n" +
            "($a -join \"`n\") -eq ($b -join \"`n\")\n" +
            "($a -join \"`n\") -eq ($c -join \"`n\")");

        result.AssertSuccess();
        Assert.Equal([true, false], result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void HonoursStartDateDaysAndIdentity()
    {
        ScriptResult result = ModuleSession.Run(
            "New-SesSampleEvent -Count 200 -StartDate 2024-03-01 -Days 2 -Identity 'news.example', 'ops@corp.example'");

        result.AssertSuccess();
        Assert.Equal(200, result.Output.Count);
        Assert.All(result.Output, o =>
        {
            var time = (DateTime)o.Properties["Timestamp"].Value;
            Assert.InRange(time, new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 3, 3, 0, 0, 0, DateTimeKind.Utc));
            Assert.Contains(o.Properties["Identity"].Value, new object[] { "news.example", "ops@corp.example" });
        });
    }

    [Fact]
    public void DefaultsToAThousandEventsEndingToday()
    {
        ScriptResult result = ModuleSession.Run("New-SesSampleEvent | ForEach-Object Timestamp");

        result.AssertSuccess();
        Assert.Equal(1000, result.Output.Count);
        DateTime today = DateTime.UtcNow.Date;
        Assert.All(result.Output, o => Assert.InRange(((DateTime)o.BaseObject), today.AddDays(-6), today.AddDays(1)));
    }

    [Fact]
    public void WhatIfGeneratesNothing()
    {
        ScriptResult result = ModuleSession.Run("New-SesSampleEvent -Count 10 -WhatIf");

        result.AssertSuccess();
        Assert.Empty(result.Output);
    }

    [Fact]
    public void RejectsANegativeCount()
    {
        ScriptResult result = ModuleSession.Run("New-SesSampleEvent -Count -1");

        Assert.Empty(result.Output);
        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith("ParameterArgumentValidationError", error.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void StopsPromptly()
    {
        (ScriptResult result, TimeSpan stopTook) = ModuleSession.RunAndStop("New-SesSampleEvent -Count 100000000 -AsJson | ForEach-Object { }", TimeSpan.FromSeconds(2));

        Assert.True(stopTook < TimeSpan.FromSeconds(5), $"Stopping took {stopTook}.");
        Assert.True(result.TerminatingError is PipelineStoppedException || result.TerminatingError is null, result.TerminatingError?.ToString());
    }

    [SkippableFact]
    public void HelpShowsAnExample()
    {
        Skip.IfNot(
            File.Exists(Path.Combine(RepoPaths.ModuleDirectory, "en-US", "SesAnalytics.Cmdlets.dll-Help.xml")),
            "The help file is not staged: the markdown-to-MAML step is not part of this build yet.");

        ScriptResult result = ModuleSession.Run("(Get-Help New-SesSampleEvent -Examples).examples.example | ForEach-Object code");

        result.AssertSuccess();
        Assert.Contains(result.Output, o => o.BaseObject.ToString()!.Contains("New-SesSampleEvent", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryExampleInTheHelpRuns()
    {
        string help = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "en-US", "New-SesSampleEvent.md"));
        List<string> examples = ExampleLine().Matches(help).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(examples);
        foreach (string example in examples)
        {
            ScriptResult result = ModuleSession.Run(example);

            result.AssertSuccess();
            Assert.NotEmpty(result.Output);
        }
    }

    [GeneratedRegex(@"^PS> (.+)$", RegexOptions.Multiline)]
    private static partial Regex ExampleLine();
}
