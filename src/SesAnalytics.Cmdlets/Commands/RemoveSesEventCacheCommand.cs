using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Store.Cache;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Drops the columnar cache of folders of a local store; queries read their objects again. The objects stay.</summary>
[Cmdlet(VerbsCommon.Remove, "SesEventCache", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = OnlineHelp.Docs + "Remove-SesEventCache.md")]
[OutputType(typeof(void))]
public sealed class RemoveSesEventCacheCommand : EventCacheCmdlet
{
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public EventCacheEntry[] InputObject { get; set; } = [];

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        foreach ((EventCaches caches, IReadOnlyList<EventCacheEntry> entries) in Selected(InputObject, verify: false))
        {
            foreach (EventCacheEntry entry in entries.Where(e => e.State != CacheState.Missing))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await ShouldProcessAsync(entry.Path, $"Remove the columnar cache of {entry.Identity} {entry.EventType} {entry.Day:yyyy-MM-dd}").ConfigureAwait(false))
                {
                    caches.Remove(entry);
                }
            }
        }
    }
}
