namespace SesAnalytics.Engine.Tests.Partitioning;

internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Fixtures => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fixtures", "ses-events"));

    public static bool HasFixtures => Directory.Exists(Fixtures);

    public const string NoFixtures = "The shared SES fixtures (../shared/fixtures/ses-events) are not next to the repository.";

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
}
