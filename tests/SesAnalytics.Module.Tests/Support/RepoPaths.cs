namespace SesAnalytics.Module.Tests.Support;

/// <summary>Where the build put what the tests use: the staged module.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string ModuleManifest { get; } = FindManifest();

    public static string ModuleDirectory => Path.GetDirectoryName(ModuleManifest)!;

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SesAnalytics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run from inside the SesAnalytics repository.");
    }

    private static string FindManifest()
    {
        string text = File.ReadAllText(Path.Combine(Root, "module", "SesAnalytics.psd1"));
        string version = System.Text.RegularExpressions.Regex.Match(text, @"ModuleVersion\s*=\s*'([0-9.]+)'").Groups[1].Value;
        string manifest = Path.Combine(Root, "out", "SesAnalytics", version, "SesAnalytics.psd1");
        return File.Exists(manifest)
            ? manifest
            : throw new InvalidOperationException($"The module is not staged at '{manifest}': build the solution first.");
    }
}
