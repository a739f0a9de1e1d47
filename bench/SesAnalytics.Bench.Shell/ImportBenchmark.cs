using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace SesAnalytics.Bench;

/// <summary>
/// Import-Module SesAnalytics in the PowerShell engine: the first import in a process (cold) and the median of
/// imports into fresh runspaces afterwards (warm), against the 300 ms target. AWS.Tools.Common takes about a second.
/// </summary>
internal static class ImportBenchmark
{
    private const double TargetMilliseconds = 300;
    private const double AwsToolsCommonMilliseconds = 1000;

    public static void Run(string manifest, int rounds)
    {
        double cold = ImportOnce(manifest);
        var warm = new List<double>();
        for (int i = 0; i < rounds; i++)
        {
            warm.Add(ImportOnce(manifest));
        }

        warm.Sort();
        double median = warm[warm.Count / 2];
        Console.WriteLine($"import  cold {cold,8:F1} ms");
        Console.WriteLine($"import  warm {median,8:F1} ms (median of {rounds}; min {warm[0]:F1}, max {warm[^1]:F1})");
        Console.WriteLine($"import  warm / target (300 ms)            = {median / TargetMilliseconds:F2}  (target <= 1.00)");
        Console.WriteLine($"import  warm / AWS.Tools.Common (~1000 ms) = {median / AwsToolsCommonMilliseconds:F2}  (AWS.Tools.Common's figure as stated in the issue, not measured here)");
    }

    private static double ImportOnce(string manifest)
    {
        using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using PowerShell shell = PowerShell.Create(runspace);
        shell.AddCommand("Import-Module").AddParameter("Name", manifest);
        var watch = Stopwatch.StartNew();
        shell.Invoke();
        watch.Stop();
        if (shell.HadErrors)
        {
            throw new InvalidOperationException("Import failed: " + shell.Streams.Error[0]);
        }

        return watch.Elapsed.TotalMilliseconds;
    }
}
