namespace SesAnalytics.Engine.Tests.Aws.Support;

/// <summary>Finds <c>../shared/aws-reference</c> beside the repository; tests that need it skip when it is absent.</summary>
internal static class SharedReference
{
    public const string AbsentReason = "The shared AWS reference data (../shared/aws-reference beside the repository) is not on this machine.";

    public static string? Root { get; } = Find();

    public static bool IsPresent => Root is not null;

    public static string PathOf(params string[] parts) =>
        Path.Combine(new[] { Root ?? throw new InvalidOperationException(AbsentReason) }.Concat(parts).ToArray());

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SesAnalytics.sln")))
            {
                string reference = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "aws-reference"));
                return Directory.Exists(reference) ? reference : null;
            }
        }

        return null;
    }
}
