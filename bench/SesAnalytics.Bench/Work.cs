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

    /// <summary>
    /// With SESANALYTICS_BENCH_COUNTERS set, prints to stderr what the runtime did during the work since
    /// <paramref name="before"/>: collections of each generation and their pauses, bytes allocated, methods compiled and
    /// the time spent compiling them (all threads). Where a first query's time goes, beside the figures.
    /// </summary>
    public static void ReportCounters(RuntimeCounters before)
    {
        if (Environment.GetEnvironmentVariable("SESANALYTICS_BENCH_COUNTERS") is null)
        {
            return;
        }

        RuntimeCounters now = RuntimeCounters.Take();
        Console.Error.WriteLine(FormattableString.Invariant(
            $"counters: collections gen0 {now.Gen0 - before.Gen0}, gen1 {now.Gen1 - before.Gen1}, gen2 {now.Gen2 - before.Gen2}, paused {(now.Paused - before.Paused).TotalMilliseconds:F1} ms; allocated {(now.Allocated - before.Allocated) / 1048576.0:F1} MB; compiled {now.Compiled - before.Compiled} methods in {(now.Compiling - before.Compiling).TotalMilliseconds:F1} ms"));
    }

    /// <summary><paramref name="text"/> as one single-quoted PowerShell string.</summary>
    public static string PowerShellQuoted(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}

/// <summary>The runtime's counters at one moment (see <see cref="Work.ReportCounters"/>).</summary>
internal readonly record struct RuntimeCounters(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated, long Compiled, TimeSpan Compiling)
{
    public static RuntimeCounters Take() => new(
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes(), System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
}
