using System.Text.RegularExpressions;
using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Query;

/// <summary>Every example in the query commands' help runs without error against a real store.</summary>
public sealed partial class HelpExampleTests : IDisposable
{
    private readonly SampleStore _store = new();

    public HelpExampleTests()
    {
        var day = new DateOnly(2024, 3, 8);
        _store.Add("mail.example.com", "Send", day, [SampleStore.Send("mail.example.com", "bounce@simulator.amazonses.com")]);
        _store.Add("mail.example.com", "Bounce", day, [SampleStore.Bounce("mail.example.com", "Permanent", "bounce@simulator.amazonses.com")]);
        _store.Add("example.com", "Send", day, [SampleStore.Send("example.com", "someone@example.net")]);
    }

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("Get-SesBounce")]
    [InlineData("Get-SesEventSummary")]
    public void ExamplesRun(string command)
    {
        string markdown = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "en-US", command + ".md"));
        List<string> examples = ExampleBlock().Matches(markdown)
            .Select(m => string.Join("\n", m.Groups[1].Value.Split('\n').Select(l => l.TrimEnd('\r')).Select(l => l.StartsWith("PS> ", StringComparison.Ordinal) ? l[4..] : l)))
            .ToList();

        Assert.NotEmpty(examples);
        foreach (string example in examples)
        {
            ScriptResult result = ModuleSession.Run(example.Replace("./ses-store", "$store", StringComparison.Ordinal), new Dictionary<string, object?> { ["store"] = _store.Root });
            Assert.True(result.TerminatingError is null && result.Errors.Count == 0, $"The example failed: {example}\n{result.AllText()}");
            Assert.Contains(command, example, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("```powershell\\r?\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
