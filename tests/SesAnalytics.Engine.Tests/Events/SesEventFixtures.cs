namespace SesAnalytics.Engine.Tests.Events;

/// <summary>The AWS documented example records in ../shared/fixtures/ses-events, one per event type.</summary>
internal static class SesEventFixtures
{
    public const string Absent = "The shared fixtures folder (../shared/fixtures/ses-events) is absent in this checkout.";

    public static string Folder { get; } = Path.GetFullPath(Path.Combine(FindRoot(), "..", "shared", "fixtures", "ses-events"));

    public static bool Exist => Directory.Exists(Folder);

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Folder, fileName));

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
