using System.Globalization;
using SesAnalytics.Bench;

string manifest = BenchRun.Manifest;
string benchCase = args.Length > 0 ? args[0] : "all";
string? benchFolder = Environment.GetEnvironmentVariable("SESANALYTICS_BENCH_DIR");
string work = benchFolder ?? Path.Combine(Path.GetTempPath(), "sesanalytics-bench");
int count = int.TryParse(Environment.GetEnvironmentVariable("SESANALYTICS_BENCH_EVENTS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : 1_000_000;
int perDay = int.TryParse(Environment.GetEnvironmentVariable("SESANALYTICS_BENCH_SCALE_EVENTS_PER_DAY"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int d) ? d : 1_000_000;

switch (benchCase)
{
    case "import":
        BenchRun.Import(manifest, rounds: 20);
        break;
    case "data":
        DataBenchmark.Run(work, count, manifest);
        break;
    case "all":
        BenchRun.Import(manifest, rounds: 20);
        Console.WriteLine();
        DataBenchmark.Run(work, count, manifest);
        break;
    case "scale":
        ScaleBenchmark.Run(benchFolder ?? Path.Combine(Path.GetTempPath(), "sesanalytics-scale"), perDay, manifest);
        break;
    case "step-generate":
        Steps.Generate(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), Steps.DataEvents);
        break;
    case "step-generate-day":
        Steps.Generate(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), ScaleSteps.DayEvents(DateOnly.ParseExact(args[3], "yyyy-MM-dd", CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture)));
        break;
    case "step-partition":
        Steps.Partition(args[1], args[2]);
        break;
    case "step-keys":
        Steps.Keys(args[1], args[2]);
        break;
    case "step-bare-bounce":
        Steps.BareBounce(args[1]);
        break;
    case "step-bare-summary":
        Steps.BareSummary(args[1]);
        break;
    case "step-bare-total":
        ScaleSteps.BareTotal(args[1]);
        break;
    case "step-bare-domains":
        ScaleSteps.BareRecipientDomains(args[1]);
        break;
    default:
        Console.Error.WriteLine("Usage: SesAnalytics.Bench [import|data|all|scale]   (SESANALYTICS_BENCH_EVENTS, SESANALYTICS_BENCH_SCALE_EVENTS_PER_DAY, SESANALYTICS_BENCH_DIR)");
        return 64;
}

return 0;
