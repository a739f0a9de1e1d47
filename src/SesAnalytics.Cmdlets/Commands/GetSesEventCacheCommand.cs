using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Store.Cache;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>The state of the columnar cache of each folder of a local store: fresh, stale, missing, damaged or unbuildable.</summary>
[Cmdlet(VerbsCommon.Get, "SesEventCache", DefaultParameterSetName = PathSet, HelpUri = OnlineHelp.Docs + "Get-SesEventCache.md")]
[OutputType("SesAnalytics.EventCacheEntry")]
public sealed class GetSesEventCacheCommand : EventCacheCmdlet
{
    /// <summary>Also read each cache file's metadata, which finds a damaged file of the right size.</summary>
    [Parameter]
    public SwitchParameter Verify { get; set; }

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        foreach ((EventCaches _, IReadOnlyList<EventCacheEntry> entries) in Selected([], Verify.IsPresent))
        {
            foreach (EventCacheEntry entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Emit(entry);
            }
        }

        return Task.CompletedTask;
    }
}
