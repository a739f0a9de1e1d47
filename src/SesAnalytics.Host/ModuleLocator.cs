using System.Reflection;

namespace SesAnalytics.Host;

/// <summary>Finds the SesAnalytics manifest to import: the one asked for, else the newest version the build staged.</summary>
internal static class ModuleLocator
{
    private const string ManifestName = "SesAnalytics.psd1";

    public static string Find(string? requested)
    {
        requested ??= Environment.GetEnvironmentVariable("SESANALYTICS_MODULE");
        if (!string.IsNullOrEmpty(requested))
        {
            string full = Path.GetFullPath(requested);
            string manifest = Directory.Exists(full) ? NewestIn(full) ?? Path.Combine(full, ManifestName) : full;
            return File.Exists(manifest) ? manifest : throw new FileNotFoundException($"No SesAnalytics module at '{full}'.");
        }

        string? stageRoot = typeof(ModuleLocator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ModuleStageRoot")?.Value;
        return (stageRoot is null ? null : NewestIn(stageRoot))
            ?? throw new FileNotFoundException(
                $"The SesAnalytics module is not staged under '{stageRoot}'. Run 'dotnet build' first, or pass -Module <path>.");
    }

    private static string? NewestIn(string folder)
    {
        if (File.Exists(Path.Combine(folder, ManifestName)))
        {
            return Path.Combine(folder, ManifestName);
        }

        if (!Directory.Exists(folder))
        {
            return null;
        }

        return Directory.EnumerateDirectories(folder)
            .Select(d => (Dir: d, Ok: Version.TryParse(Path.GetFileName(d), out Version? v), Version: v))
            .Where(d => d.Ok && File.Exists(Path.Combine(d.Dir, ManifestName)))
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Dir, ManifestName))
            .FirstOrDefault();
    }
}
