using System.Globalization;
using SesAnalytics.Bench;

// Started by SesAnalytics.Bench (BenchRun.Shell) for each PowerShell step; see bench/README.md.
switch (args.Length > 0 ? args[0] : string.Empty)
{
    case "import" when args.Length == 3:
        ImportBenchmark.Run(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        break;
    case "step-cmdlet" when args.Length == 3:
        PowerShellSteps.Cmdlet(args[1], args[2]);
        break;
    case "step-cmdlet-kept" when args.Length == 3:
        PowerShellSteps.Cmdlet(args[1], args[2], keepOutput: true);
        break;
    case "step-first-object" when args.Length == 3:
        PowerShellSteps.FirstObject(args[1], args[2]);
        break;
    default:
        Console.Error.WriteLine("Usage: SesAnalytics.Bench.Shell import <psd1> <rounds> | step-cmdlet|step-cmdlet-kept|step-first-object <psd1> <command>");
        return 64;
}

return 0;
