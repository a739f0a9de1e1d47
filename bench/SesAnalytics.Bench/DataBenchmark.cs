using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Bench;

/// <summary>
/// The offline twin on 1,000,000 generated events: key extraction against jq 1.6 and the whole import against gzip -1
/// on the same input; Get-SesBounce and Get-SesEventSummary against bare DuckDB statements computing the same, the first
/// query of a session, and Get-SesBounce against zcat | jq over the same files; peak memory of each.
/// </summary>
internal static class DataBenchmark
{
    /// <summary>Get-SesBounce and its bare statement take a fraction of a second: each is the median of this many runs, taken in turn.</summary>
    private const int BounceRounds = 7;

    public static void Run(string workFolder, int count, string manifest)
    {
        Directory.CreateDirectory(workFolder);
        string input = Path.Combine(workFolder, "events.jsonl");
        string store = Path.Combine(workFolder, "store");
        if (Directory.Exists(store))
        {
            Directory.Delete(store, recursive: true);
        }

        string self = BenchRun.Self;
        string shell = BenchRun.Shell;
        Console.WriteLine($"Generating {count:N0} events into {input} ...");
        Measurement.Of("generate (SampleEventGenerator)", $"{self} step-generate \"{input}\" {count}");
        Console.WriteLine($"  input: {new FileInfo(input).Length / 1024.0 / 1024.0:F0} MB of JSON lines");
        Console.WriteLine();

        Console.WriteLine("(a) key extraction and import");
        Measurement keys = Measurement.Of("key extraction (Import-SesEvent -WhatIf -Force engine)", $"{self} step-keys \"{input}\" \"{store}\"");
        Measurement jq = Measurement.Of("jq 1.6 extracting the same keys", $"jq -c '{FirehoseLayout.MetadataExtractionQuery.Replace("'", "'\\''", StringComparison.Ordinal)}' \"{input}\" > /dev/null");
        Measurement partition = Measurement.Of("Import-SesEvent engine, end to end (GZIP objects)", $"{self} step-partition \"{input}\" \"{store}\"");
        Measurement gzip = Measurement.Of("gzip -1 of the same bytes", $"gzip -1 -c \"{input}\" > /dev/null");
        Console.WriteLine();

        Console.WriteLine("(b) queries over the whole store, each in a fresh process after Import-Module");
        string range = "-From 2026-10-01 -To 2026-12-31";
        string bounceFiles = Path.Combine(store, "partitioned", "*", "Bounce", "*", "*", "*", "*.gz");
        Measurement[] bounces = Measurement.Medians(
            BounceRounds,
            ("Get-SesBounce -Path (cmdlet, PowerShell engine)", $"{shell} step-cmdlet \"{manifest}\" \"Get-SesBounce -Path '{store}' {range}\""),
            ("bare DuckDB query, same columns, same files", $"{self} step-bare-bounce \"{bounceFiles}\""),
            ("$null = Get-SesBounce -Path (output collected)", $"{shell} step-cmdlet-kept \"{manifest}\" \"Get-SesBounce -Path '{store}' {range}\""));
        Measurement cmdlet = bounces[0];
        Measurement bare = bounces[1];
        Measurement kept = bounces[2];
        Measurement summary = Measurement.Of("Get-SesEventSummary -Path (cmdlet)", $"{shell} step-cmdlet \"{manifest}\" \"Get-SesEventSummary -Path '{store}' {range}\"");
        Measurement bareSummary = Measurement.Of("bare DuckDB query, the same counts", $"{self} step-bare-summary \"{store}\"");
        Measurement grouped = Measurement.Of("Get-SesEventSummary -GroupBy RecipientDomain (per day)", $"{shell} step-cmdlet \"{manifest}\" \"Get-SesEventSummary -Path '{store}' {range} -GroupBy RecipientDomain\"");
        Measurement engagement = Measurement.Of("Get-SesEngagement -GroupBy RecipientDomain (per day)", $"{shell} step-cmdlet \"{manifest}\" \"Get-SesEngagement -Path '{store}' {range} -GroupBy RecipientDomain\"");
        Measurement first = Measurement.Of("first query of a session (one day's summary)", $"{shell} step-cmdlet \"{manifest}\" \"Get-SesEventSummary -Path '{store}' -From 2026-11-01 -To 2026-11-01\"");
        string allFiles = Path.Combine(store, "partitioned", "*", "*", "*", "*", "*", "*.gz").Replace(" ", "\\ ", StringComparison.Ordinal);
        Measurement zcatJq = Measurement.Of("zcat whole store | jq 'select(.eventType==\"Bounce\")'", $"zcat {allFiles} | jq -c 'select(.eventType==\"Bounce\")' > /dev/null");
        Console.WriteLine();

        Console.WriteLine("Ratios (measured in this run)");
        BenchRun.Ratio("key extraction speed vs jq 1.6 (jq time / ours)", jq.Seconds / keys.Seconds, ">= 15");
        BenchRun.Ratio("  the same in CPU time (jq CPU / ours)", jq.CpuSeconds / keys.CpuSeconds, "—");
        BenchRun.Ratio("import time vs gzip -1 (ours / gzip)", partition.Seconds / gzip.Seconds, "<= 1.0");
        BenchRun.Ratio("  the same in CPU time (ours / gzip)", partition.CpuSeconds / gzip.CpuSeconds, "—");
        BenchRun.Ratio("Get-SesBounce vs bare DuckDB (ours / bare, work only)", cmdlet.WorkSeconds / bare.WorkSeconds, "<= 1.5");
        BenchRun.Ratio("  the same in CPU time", cmdlet.WorkCpuSeconds / bare.WorkCpuSeconds, "<= 1.5");
        BenchRun.Ratio("  $null = Get-SesBounce (output collected) vs bare", kept.WorkSeconds / bare.WorkSeconds, "—");
        BenchRun.Ratio("    the same in CPU time", kept.WorkCpuSeconds / bare.WorkCpuSeconds, "—");
        BenchRun.Ratio("Get-SesEventSummary vs bare DuckDB (work only)", summary.WorkSeconds / bareSummary.WorkSeconds, "<= 1.5");
        BenchRun.Ratio("  the same in CPU time", summary.WorkCpuSeconds / bareSummary.WorkCpuSeconds, "<= 1.5");
        BenchRun.Ratio("recipient domain x day vs plain summary (work)", grouped.WorkSeconds / summary.WorkSeconds, "<= 2");
        BenchRun.Ratio("  the same in CPU time", grouped.WorkCpuSeconds / summary.WorkCpuSeconds, "<= 2");
        BenchRun.Ratio("engagement by recipient domain vs plain summary", engagement.WorkSeconds / summary.WorkSeconds, "—");
        BenchRun.Ratio("first query of a session, seconds (work only)", first.WorkSeconds, "< 1");
        BenchRun.Ratio("Get-SesBounce speed vs zcat | jq (theirs / ours)", zcatJq.Seconds / cmdlet.WorkSeconds, ">= 30");
        BenchRun.Ratio("  the same with process and PowerShell start-up", zcatJq.Seconds / cmdlet.Seconds, ">= 30");
        Console.WriteLine();
        Console.WriteLine("(c) peak memory (target < 500 MB each)");
        foreach (Measurement m in new[] { keys, jq, partition, gzip, cmdlet, bare, kept, summary, bareSummary, grouped, engagement, first, zcatJq })
        {
            Console.WriteLine($"  {m.Name,-52} {m.PeakMegabytes,8:F0} MB");
        }
    }
}
