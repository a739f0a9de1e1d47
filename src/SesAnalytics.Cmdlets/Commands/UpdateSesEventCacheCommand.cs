using System.Globalization;
using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Store.Cache;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Builds the columnar cache of the folders of a local store whose cache is not fresh (all of them with -Force).</summary>
[Cmdlet(VerbsData.Update, "SesEventCache", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = OnlineHelp.Docs + "Update-SesEventCache.md")]
[OutputType("SesAnalytics.EventCacheEntry")]
public sealed class UpdateSesEventCacheCommand : EventCacheCmdlet
{
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public EventCacheEntry[] InputObject { get; set; } = [];

    /// <summary>Rebuilds fresh caches too, and tries unbuildable folders again.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        foreach ((EventCaches caches, IReadOnlyList<EventCacheEntry> entries) in Selected(InputObject, verify: false))
        {
            (long events, TimeSpan elapsed) = await caches.UpdateAsync(
                entries,
                Force.IsPresent,
                entry => ShouldProcessAsync(entry.Path, $"Build the columnar cache of {entry.Identity} {entry.EventType} {entry.Day:yyyy-MM-dd} ({entry.Objects} objects)"),
                Emit,
                warnUnbuildable: false,
                cancellationToken).ConfigureAwait(false);
            EmitVerbose(string.Create(CultureInfo.InvariantCulture, $"Cached {events:N0} events of '{caches.StorePath}' in {elapsed.TotalSeconds:N2} s."));
        }
    }
}
