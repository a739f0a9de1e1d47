using System.Management.Automation;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// The store path of the query commands: text, or a folder object (Get-Item) or a path object (Resolve-Path), whose
/// path is taken literally. Piped by property, a folder binds through its PSPath alias instead.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class StorePathArgumentAttribute : TextArgumentAttribute
{
    protected override string Expected => "a store path: give the path as text, or a folder from Get-Item";

    protected override string? FromObject(PSObject input) => input.BaseObject switch
    {
        FileSystemInfo item => item.FullName,
        PathInfo path => path.ProviderPath,
        _ => null,
    };
}
