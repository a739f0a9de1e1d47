using System.Reflection;
using SesAnalytics.Bench;

string stage = typeof(ImportBenchmark).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
    .First(a => a.Key == "ModuleStageDir").Value!;
string manifest = Path.Combine(stage, "SesAnalytics.psd1");
string benchCase = args.Length > 0 ? args[0] : "all";

switch (benchCase)
{
    case "import":
    case "all":
        ImportBenchmark.Run(manifest, rounds: 20);
        break;
    default:
        Console.Error.WriteLine("Usage: SesAnalytics.Bench [import|all]");
        return 64;
}

return 0;
