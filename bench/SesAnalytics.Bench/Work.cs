using System.Diagnostics;

namespace SesAnalytics.Bench;

/// <summary>What a step process and the bench share (also compiled into SesAnalytics.Bench.Shell).</summary>
internal static class Work
{
    /// <summary>
    /// Tells the orchestrator how long the measured work took inside this process, in wall time and in CPU time of all
    /// its threads: on a shared machine the wall time is mostly waiting for a core, the CPU time is the work.
    /// </summary>
    public static void Report(Stopwatch watch, TimeSpan cpuBefore) =>
        Report(watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);

    public static void Report(TimeSpan wall, TimeSpan cpu)
    {
        Console.WriteLine(FormattableString.Invariant($"work-seconds={wall.TotalSeconds:F3}"));
        Console.WriteLine(FormattableString.Invariant($"work-cpu-seconds={cpu.TotalSeconds:F3}"));
    }

    /// <summary><paramref name="text"/> as one single-quoted PowerShell string.</summary>
    public static string PowerShellQuoted(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
