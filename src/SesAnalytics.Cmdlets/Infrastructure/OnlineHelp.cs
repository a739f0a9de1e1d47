namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// Where Get-Help -Online goes: the command's page in the repository's docs (under the manifest's ProjectUri). Each
/// page's front matter names the same address as its 'online version', which Get-Help -Online opens first.
/// </summary>
internal static class OnlineHelp
{
    public const string Docs = "https://github.com/sesanalytics/SesAnalytics/blob/main/docs/en-US/";
}
