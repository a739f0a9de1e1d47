namespace SesAnalytics.Engine.Query.Breakdowns;

/// <summary>
/// Error and warning annotations in the workflow-command syntax of GitHub Actions (<c>::error title=…::message</c>)
/// and Azure Pipelines (<c>##vso[task.logissue type=error]message</c>), each on one line.
/// </summary>
public static class CiAnnotation
{
    public const string Auto = "Auto";
    public const string GitHub = "GitHub";
    public const string AzurePipelines = "AzurePipelines";
    public const string None = "None";

    /// <summary>Auto is GitHub where GITHUB_ACTIONS is <c>true</c>, Azure Pipelines where TF_BUILD is <c>True</c>, else None.</summary>
    public static string Resolve(string requested, Func<string, string?> environment)
    {
        if (!requested.Equals(Auto, StringComparison.OrdinalIgnoreCase))
        {
            return requested;
        }

        if (string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return GitHub;
        }

        return string.Equals(environment("TF_BUILD"), "True", StringComparison.OrdinalIgnoreCase) ? AzurePipelines : None;
    }

    /// <summary>The annotation line, or null for <see cref="None"/>.</summary>
    public static string? Format(string system, bool error, string title, string message) => system switch
    {
        _ when system.Equals(GitHub, StringComparison.OrdinalIgnoreCase) =>
            $"::{(error ? "error" : "warning")} title={GitHubProperty(title)}::{GitHubData(message)}",
        _ when system.Equals(AzurePipelines, StringComparison.OrdinalIgnoreCase) =>
            $"##vso[task.logissue type={(error ? "error" : "warning")}]{AzureData(message)}",
        _ => null,
    };

    private static string GitHubData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string GitHubProperty(string text) =>
        GitHubData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static string AzureData(string text) =>
        text.Replace("%", "%AZP25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
}
