using System.Reflection;
using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Bench;

/// <summary>
/// The offline twin on 1,000,000 generated events: partitioning against jq 1.6 and gzip -1 on the same input, and
/// Get-SesBounce against a bare DuckDB query and zcat | jq over the same files; peak memory of each.
/// </summary>
internal static class DataBenchmark
{
    public static void Run(string workFolder, int count, string manifest)
    {
        Directory.CreateDirectory(workFolder);
        string input = Path.Combine(workFolder, "events.jsonl");
        string store = Path.Combine(workFolder, "store");
        if (Directory.Exists(store))
        {
            Directory.Delete(store, recursive: true);
        }

        string self = $"dotnet \"{Assembly.GetExecutingAssembly().Location}\"";
        Console.WriteLine($"Generating {count:N0} events into {input} ...");
        Measurement.Of("generate (SampleEventGenerator)", $"{self} step-generate \"{input}\" {count}");
        Console.WriteLine($"  input: {new FileInfo(input).Length / 1024.0 / 1024.0:F0} MB of JSON lines");
        Console.WriteLine();

        Console.WriteLine("(a) partitioning");
        Measurement partition = Measurement.Of("Import-SesEvent engine (keys, layout, GZIP objects)", $"{self} step-partition \"{input}\" \"{store}\"");
        Measurement jq = Measurement.Of("jq 1.6 extracting the same keys", $"jq -c '{FirehoseLayout.MetadataExtractionQuery.Replace("'", "'\\''", StringComparison.Ordinal)}' \"{input}\" > /dev/null");
        Measurement gzip = Measurement.Of("gzip -1 of the same bytes", $"gzip -1 -c \"{input}\" > /dev/null");
        Console.WriteLine();

        Console.WriteLine("(b) Get-SesBounce over the whole store");
        string bounceFiles = Path.Combine(store, "partitioned", "*", "Bounce", "*", "*", "*", "*.gz");
        Measurement cmdlet = Measurement.Of("Get-SesBounce -Path (cmdlet, PowerShell engine)", $"{self} step-bounce \"{manifest}\" \"{store}\"");
        Measurement bare = Measurement.Of("bare DuckDB query, same columns, same files", $"{self} step-bare \"{bounceFiles}\"");
        string allFiles = Path.Combine(store, "partitioned", "*", "*", "*", "*", "*", "*.gz").Replace(" ", "\\ ", StringComparison.Ordinal);
        Measurement zcatJq = Measurement.Of("zcat whole store | jq 'select(.eventType==\"Bounce\")'", $"zcat {allFiles} | jq -c 'select(.eventType==\"Bounce\")' > /dev/null");
        Console.WriteLine();

        Console.WriteLine("Ratios (measured in this run)");
        Ratio("partitioning speed vs jq 1.6 (jq time / ours)", jq.Seconds / partition.Seconds, ">= 20");
        Ratio("partitioning time vs gzip -1 (ours / gzip)", partition.Seconds / gzip.Seconds, "<= 2");
        Ratio("Get-SesBounce vs bare DuckDB (ours / bare, work only)", cmdlet.WorkSeconds / bare.WorkSeconds, "<= 1.5");
        Ratio("  the same in CPU time", cmdlet.WorkCpuSeconds / bare.WorkCpuSeconds, "<= 1.5");
        Ratio("Get-SesBounce speed vs zcat | jq (theirs / ours)", zcatJq.Seconds / cmdlet.WorkSeconds, ">= 30");
        Ratio("  the same with process and PowerShell start-up", zcatJq.Seconds / cmdlet.Seconds, ">= 30");
        Console.WriteLine();
        Console.WriteLine("(c) peak memory (target < 500 MB each)");
        foreach (Measurement m in new[] { partition, jq, gzip, cmdlet, bare, zcatJq })
        {
            Console.WriteLine($"  {m.Name,-52} {m.PeakMegabytes,8:F0} MB");
        }
    }

    private static void Ratio(string what, double value, string target) =>
        Console.WriteLine($"  {what,-52} {value,8:F2}   (target {target})");
}
