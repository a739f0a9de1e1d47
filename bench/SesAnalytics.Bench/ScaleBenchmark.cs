using System.Globalization;

namespace SesAnalytics.Bench;

/// <summary>
/// Thirty days in seconds (issue #14): 30 days of generated events, a day at a time, imported with Import-SesEvent into
/// one store (and its columnar cache, where the module builds one); then the 30-day summary, the recipient domain × day
/// breakdown and the first bounce of one identity, each in a fresh process, against one bare DuckDB statement over the
/// .gz objects; one day's import with and without the cache against gzip -1; the store's size on disk.
/// </summary>
internal static class ScaleBenchmark
{
    private const int Days = 30;
    private const double DiskBudgetGigabytes = 4;
    private const double MemoryTargetMegabytes = 1024;
    private const string Identity = "example.com";
    private static readonly DateOnly FirstDay = new(2026, 10, 1);
    private static readonly DateOnly LastDay = FirstDay.AddDays(Days - 1);

    public static void Run(string folder, int eventsPerDay, string manifest)
    {
        string store = Path.Combine(folder, "store");
        Directory.CreateDirectory(folder);
        foreach (string old in new[] { store, Path.Combine(folder, "day-cached"), Path.Combine(folder, "day-uncached") })
        {
            DeleteFolder(old);
        }

        Console.WriteLine($"Scale: {Days} days x {eventsPerDay:N0} events ({FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd}) into {store}");
        Console.WriteLine();
        string input = Path.Combine(folder, "day-01.jsonl");
        OneDay day = ImportOneDay(folder, input, eventsPerDay, manifest);
        List<Measurement> days = ImportAllDays(folder, input, store, eventsPerDay, manifest, day);
        Queries queries = Query(store, manifest);

        Console.WriteLine("Ratios (measured in this run; queries: work only, without process start and Import-Module)");
        BenchRun.Ratio("30-day summary: bare DuckDB / ours", queries.BareTotal.WorkSeconds / queries.Total.WorkSeconds, ">= 5");
        BenchRun.Ratio("  the same in CPU time", queries.BareTotal.WorkCpuSeconds / queries.Total.WorkCpuSeconds, ">= 5");
        BenchRun.Ratio("recipient domain x day: bare DuckDB / ours", queries.BareDomains.WorkSeconds / queries.Domains.WorkSeconds, ">= 5");
        BenchRun.Ratio("  the same in CPU time", queries.BareDomains.WorkCpuSeconds / queries.Domains.WorkCpuSeconds, ">= 5");
        BenchRun.Ratio("first bounce of one identity, seconds", queries.FirstBounce.WorkSeconds, "< 1");
        BenchRun.Ratio("one day's import / gzip -1 (work only)", day.Cached.WorkSeconds / day.Gzip.Seconds, "—");
        BenchRun.Ratio("  the same in CPU time", day.Cached.WorkCpuSeconds / day.Gzip.CpuSeconds, "—");
        BenchRun.Ratio("one day's import -NoCache / gzip -1 (work only)", day.Uncached.WorkSeconds / day.Gzip.Seconds, "—");
        BenchRun.Ratio("  the same in CPU time", day.Uncached.WorkCpuSeconds / day.Gzip.CpuSeconds, "—");
        BenchRun.Ratio("the cache's cost: import / import -NoCache", day.Cached.WorkSeconds / day.Uncached.WorkSeconds, "—");

        Console.WriteLine();
        Console.WriteLine($"(d) peak memory (target < {MemoryTargetMegabytes:F0} MB each)");
        Measurement largestDay = days.MaxBy(m => m.PeakMegabytes)!;
        var peaks = new List<Measurement> { day.Cached, day.Uncached };
        peaks.Add(largestDay with { Name = $"{largestDay.Name} (the largest of the {Days})" });
        peaks.AddRange([queries.Total, queries.BareTotal, queries.Domains, queries.BareDomains, queries.FirstBounce]);
        foreach (Measurement m in peaks)
        {
            Console.WriteLine($"  {m.Name,-64} {m.PeakMegabytes,8:F0} MB");
        }
    }

    /// <summary>(a) Day 1 generated into <paramref name="input"/>, then imported into fresh stores with and without the cache.</summary>
    private static OneDay ImportOneDay(string folder, string input, int eventsPerDay, string manifest)
    {
        Console.WriteLine("(a) one day's import into a fresh store, with and without the cache, against gzip -1 of the same bytes");
        Measurement generated = Measurement.Of("generate day 1 (SampleEventGenerator)", Generate(input, 0, eventsPerDay));
        long inputBytes = new FileInfo(input).Length;
        Console.WriteLine($"  input: {BenchRun.Megabytes(inputBytes):F0} MB of JSON lines");
        Measurement gzip = Measurement.Of("gzip -1 of the same bytes", $"gzip -1 -c \"{input}\" > /dev/null");
        Measurement cached = ImportDay("Import-SesEvent (with its cache, by default)", manifest, input, Path.Combine(folder, "day-cached"), string.Empty);
        Measurement uncached = ImportDay("Import-SesEvent -NoCache", manifest, input, Path.Combine(folder, "day-uncached"), "-NoCache");
        Console.WriteLine();
        return new OneDay(generated, inputBytes, gzip, cached, uncached);
    }

    /// <summary>(b) Day 1 from its file, then every other day piped from its generator into Import-SesEvent; the sizes.</summary>
    private static List<Measurement> ImportAllDays(string folder, string input, string store, int eventsPerDay, string manifest, OneDay first)
    {
        Console.WriteLine($"(b) {Days} days generated and imported into one store, a day at a time (day 1 from its file, the others piped)");
        var days = new List<Measurement> { Measurement.Of("day 1: Import-SesEvent", Import(manifest, input, store, string.Empty)) };
        File.Delete(input);
        long diskHighWater = first.InputBytes + BenchRun.FolderBytes(folder);
        long firstDayBytes = BenchRun.FolderBytes(store);
        double projected = firstDayBytes * (double)Days / 1e9;
        Console.WriteLine($"    day 1 takes {BenchRun.Megabytes(firstDayBytes):F0} MB in the store (cache included): {Days} days will take about {projected:F1} GB (budget {DiskBudgetGigabytes} GB)");
        if (projected > DiskBudgetGigabytes)
        {
            long fits = (long)(eventsPerDay * DiskBudgetGigabytes / projected) / 10_000 * 10_000;
            Console.WriteLine($"    over the budget: SESANALYTICS_BENCH_SCALE_EVENTS_PER_DAY={fits} would keep the store under it; going on with {eventsPerDay:N0}");
        }

        for (int day = 1; day < Days; day++)
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"day {day + 1}: generate | Import-SesEvent");
            days.Add(Measurement.Of(name, $"{Generate("-", day, eventsPerDay)} | {Import(manifest, "/dev/stdin", store, string.Empty)}"));
            diskHighWater = Math.Max(diskHighWater, BenchRun.FolderBytes(folder));
        }

        long objectBytes = BenchRun.FolderBytes(Path.Combine(store, "partitioned"));
        long cacheBytes = BenchRun.FolderBytes(CacheFolder(store));
        long events = (long)eventsPerDay * Days;
        Console.WriteLine($"  generation + import: {first.Generated.Seconds + days.Sum(m => m.Seconds):F1} s (CPU {first.Generated.CpuSeconds + days.Sum(m => m.CpuSeconds):F1} s) for {events:N0} events");
        Console.WriteLine($"  .gz objects: {BenchRun.Megabytes(objectBytes):F0} MB ({(double)objectBytes / events:F1} bytes an event)");
        Console.WriteLine(cacheBytes == 0
            ? "  cache: none (this build's Import-SesEvent writes no cache)"
            : $"  cache: {BenchRun.Megabytes(cacheBytes):F0} MB ({(double)cacheBytes / events:F1} bytes an event)");
        Console.WriteLine($"  the whole store: {BenchRun.Megabytes(BenchRun.FolderBytes(store)):F0} MB; the most the bench folder held (after each day, with day 1's input): {diskHighWater / 1e9:F2} GB (budget {DiskBudgetGigabytes} GB)");
        Console.WriteLine();
        return days;
    }

    /// <summary>(c) The three questions over the 30 days, and the bare statements computing the same from the .gz objects.</summary>
    private static Queries Query(string store, string manifest)
    {
        Console.WriteLine("(c) queries over the 30 days, each in a fresh process after Import-Module");
        string range = $"-From {FirstDay:yyyy-MM-dd} -To {LastDay:yyyy-MM-dd}";
        string path = Work.PowerShellQuoted(store);
        var queries = new Queries(
            Measurement.Of("Get-SesEventSummary -Total", Cmdlet(manifest, $"Get-SesEventSummary -Path {path} {range} -Total")),
            Measurement.Of("bare DuckDB over the .gz, the same totals", $"{BenchRun.Self} step-bare-total \"{store}\""),
            Measurement.Of("Get-SesEventSummary -GroupBy RecipientDomain (per day)", Cmdlet(manifest, $"Get-SesEventSummary -Path {path} {range} -GroupBy RecipientDomain")),
            Measurement.Of("bare DuckDB over the .gz, domain x day counts", $"{BenchRun.Self} step-bare-domains \"{store}\""),
            Measurement.Of($"Get-SesBounce -Identity {Identity}, first object", $"{BenchRun.Shell} step-first-object \"{manifest}\" \"Get-SesBounce -Path {path} -Identity {Identity} {range}\""));
        Console.WriteLine();
        return queries;
    }

    /// <summary>Imports one day's file into a fresh store, measured, then reports that store's sizes and drops it.</summary>
    private static Measurement ImportDay(string name, string manifest, string input, string store, string parameters)
    {
        Measurement import = Measurement.Of(name, Import(manifest, input, store, parameters));
        long cache = BenchRun.FolderBytes(CacheFolder(store));
        Console.WriteLine($"    .gz objects {BenchRun.Megabytes(BenchRun.FolderBytes(Path.Combine(store, "partitioned"))):F0} MB, cache {BenchRun.Megabytes(cache):F0} MB");
        DeleteFolder(store);
        return import;
    }

    /// <summary>The columnar cache the module keeps beside a store.</summary>
    private static string CacheFolder(string store) => Path.Combine(store, ".sesanalytics", "cache");

    private static string Generate(string output, int day, int count)
    {
        DateOnly date = FirstDay.AddDays(day);
        return string.Create(CultureInfo.InvariantCulture, $"{BenchRun.Self} step-generate-day \"{output}\" {count} {date:yyyy-MM-dd} {day}");
    }

    private static string Import(string manifest, string input, string store, string parameters) =>
        Cmdlet(manifest, $"Import-SesEvent -LiteralPath {Work.PowerShellQuoted(input)} -Destination {Work.PowerShellQuoted(store)} {parameters}".TrimEnd());

    private static string Cmdlet(string manifest, string command) => $"{BenchRun.Shell} step-cmdlet \"{manifest}\" \"{command}\"";

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record OneDay(Measurement Generated, long InputBytes, Measurement Gzip, Measurement Cached, Measurement Uncached);

    private sealed record Queries(Measurement Total, Measurement BareTotal, Measurement Domains, Measurement BareDomains, Measurement FirstBounce);
}
