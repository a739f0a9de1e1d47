using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace SesAnalytics.Bench;

/// <summary>What the cases share: how a step process is started, and how figures and ratios are printed.</summary>
internal static class BenchRun
{
    /// <summary>The command line that runs this bench again, for a step in its own process.</summary>
    public static string Self { get; } = $"dotnet \"{Assembly.GetExecutingAssembly().Location}\"";

    /// <summary>
    /// The command line of SesAnalytics.Bench.Shell, which runs the PowerShell steps in a process that has neither the
    /// engine nor DuckDB.NET of its own, so that the module loads them as it does in pwsh.
    /// </summary>
    public static string Shell { get; } = $"dotnet \"{Metadata("ShellAssembly")}\"";

    /// <summary>The module's manifest in the folder the build staged it to.</summary>
    public static string Manifest { get; } = Path.Combine(Metadata("ModuleStageDir"), "SesAnalytics.psd1");

    private static string Metadata(string key) =>
        Assembly.GetExecutingAssembly().GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value!;

    /// <summary>The Import-Module timings (SesAnalytics.Bench.Shell's <c>import</c>), printed as that process prints them.</summary>
    public static void Import(string manifest, int rounds)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (string argument in new[] { Metadata("ShellAssembly"), "import", manifest, rounds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The Import-Module timings failed (exit code {process.ExitCode}).");
        }
    }

    public static void Ratio(string what, double value, string target) =>
        Console.WriteLine($"  {what,-52} {value,8:F2}   (target {target})");

    public static double Megabytes(long bytes) => bytes / 1024.0 / 1024.0;

    /// <summary>The bytes of the files under <paramref name="folder"/> (0 when it does not exist).</summary>
    public static long FolderBytes(string folder) => Directory.Exists(folder)
        ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
        : 0;
}
