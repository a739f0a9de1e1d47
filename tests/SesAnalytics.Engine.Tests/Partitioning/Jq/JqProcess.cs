using System.Diagnostics;
using System.Text;

namespace SesAnalytics.Engine.Tests.Partitioning.Jq;

/// <summary>The real jq, run once over a whole JSON-lines file.</summary>
internal static class JqProcess
{
    public const string Missing = "jq is not on PATH (CI installs jq 1.6): the conformance tests compare against it.";

    public static bool IsAvailable { get; } = Probe();

    /// <summary>
    /// One output line per input line: <c>{"ok":[outputs]}</c>, or <c>{"error":"message"}</c> when jq fails on it.
    /// </summary>
    public static IReadOnlyList<string> RunPerRecord(string query, string inputFile)
    {
        string output = Run("-c", $"try {{ok: [{query}]}} catch {{error: .}}", inputFile);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool Probe()
    {
        try
        {
            return Run("--version").StartsWith("jq-1.6", StringComparison.Ordinal);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("jq")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"jq failed ({process.ExitCode}): {error.Result}");
        return output;
    }
}
