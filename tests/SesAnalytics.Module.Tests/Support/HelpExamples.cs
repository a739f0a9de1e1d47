using System.Text.RegularExpressions;

namespace SesAnalytics.Module.Tests.Support;

/// <summary>The examples of a command's help (docs/en-US/&lt;command&gt;.md) as a user types them, without the PS> prompts.</summary>
public static partial class HelpExamples
{
    public static IReadOnlyList<string> Of(string command)
    {
        string markdown = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "en-US", command + ".md"));
        return ExampleBlock().Matches(markdown)
            .Select(m => string.Join("\n", m.Groups[1].Value.Split('\n').Select(l => l.TrimEnd('\r')).Select(l => l.StartsWith("PS> ", StringComparison.Ordinal) ? l[4..] : l)))
            .ToList();
    }

    /// <summary>
    /// Runs each example of <paramref name="command"/> after <paramref name="prelude"/> (the defaults that point it at a
    /// fake), with <paramref name="adapt"/> applied to it, and asserts that it uses the command and writes no error.
    /// </summary>
    public static void AssertEachRuns(string command, string prelude, Func<string, string> adapt, IDictionary<string, object?>? variables = null)
    {
        IReadOnlyList<string> examples = Of(command);

        Assert.NotEmpty(examples);
        foreach (string example in examples)
        {
            ScriptResult result = ModuleSession.Run(prelude + "\n" + adapt(example), variables);
            Assert.True(result.TerminatingError is null && result.Errors.Count == 0, $"The example failed: {example}\n{result.AllText()}");
            Assert.Contains(command, example, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("```powershell\\r?\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
