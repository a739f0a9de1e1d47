using System.Reflection;

namespace SesAnalytics.Bench;

/// <summary>What the cases share: how a step process is started, and how figures and ratios are printed.</summary>
internal static class BenchRun
{
    /// <summary>The command line that runs this bench again, for a step in its own process.</summary>
    public static string Self { get; } = $"dotnet \"{Assembly.GetExecutingAssembly().Location}\"";

    public static void Ratio(string what, double value, string target) =>
        Console.WriteLine($"  {what,-52} {value,8:F2}   (target {target})");

    public static double Megabytes(long bytes) => bytes / 1024.0 / 1024.0;

    /// <summary>The bytes of the files under <paramref name="folder"/> (0 when it does not exist).</summary>
    public static long FolderBytes(string folder) => Directory.Exists(folder)
        ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
        : 0;

    /// <summary><paramref name="text"/> as one single-quoted PowerShell string.</summary>
    public static string PowerShellQuoted(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
