namespace SesAnalytics.Engine.Tests.Stack;

/// <summary>The shared folder beside the repository (AWS references, fixtures, the origin article); absent on some machines.</summary>
internal static class SharedReference
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(FindRepoRoot(), "..", "shared"));

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRepoRoot()
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
}
