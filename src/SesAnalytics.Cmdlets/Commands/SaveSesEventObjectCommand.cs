using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Objects;
using SesAnalytics.Engine.Store;
using SesAnalytics.Engine.Store.Cache;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Copies SES event objects from the bucket into an offline store that the -Path commands read.</summary>
[Cmdlet(VerbsData.Save, "SesEventObject", DefaultParameterSetName = BucketSet, SupportsShouldProcess = true, HelpUri = OnlineHelp.Docs + "Save-SesEventObject.md")]
[OutputType("SesAnalytics.SaveSummary")]
public sealed class SaveSesEventObjectCommand : EventObjectCmdlet
{
    private const string InputObjectSet = "InputObject";

    private readonly List<EventObject> _objects = [];
    private S3Client? _s3;
    private string _destination = string.Empty;

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Destination { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public EventObject[] InputObject { get; set; } = [];

    // Event objects bind to -InputObject before any property is tried; a piped stack object binds here, as it does
    // for Get-SesEventObject.
    [Parameter(Mandatory = true, ParameterSetName = BucketSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string BucketName { get; set; } = string.Empty;

    /// <summary>Leaves the columnar cache of the folders saved into unbuilt: for a store made only to be uploaded.</summary>
    [Parameter]
    public SwitchParameter NoCache { get; set; }

    protected override void Prepare()
    {
        base.Prepare();
        _destination = GetUnresolvedProviderPathFromPSPath(Destination);
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        if (ParameterSetName == InputObjectSet)
        {
            _objects.AddRange(InputObject);
            return;
        }

        _s3 ??= CreateS3Client();
        await foreach (EventObject item in ListSelectedAsync(_s3, BucketName, cancellationToken).ConfigureAwait(false))
        {
            _objects.Add(item);
        }
    }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        // One client for the whole command: listings of piped stacks and the copies share it.
        using S3Client s3 = _s3 ?? CreateS3Client();
        if (!EventStore.Exists(_destination) && await ShouldProcessAsync(_destination, "Create the event store").ConfigureAwait(false))
        {
            EventStore.CreateEmpty(_destination);
        }

        var saver = new EventObjectSaver(s3, Sink);
        SaveSummary summary = await saver.SaveAsync(
            _objects,
            _destination,
            (item, local) => ShouldProcessAsync(local, $"Copy s3://{item.BucketName}/{item.Key} ({item.Size} bytes)"),
            cancellationToken).ConfigureAwait(false);
        if (!NoCache.IsPresent && saver.Folders.Count > 0)
        {
            var caches = new EventCaches(_destination, Sink);
            IReadOnlyList<EventCacheEntry> folders = caches.FoldersAt(saver.Folders).Where(e => e.State != CacheState.Fresh).ToList();
            if (folders.Count > 0 && await ShouldProcessAsync(_destination, $"Build the columnar cache of {folders.Count} folders").ConfigureAwait(false))
            {
                await caches.BuildWrittenAsync(folders, cancellationToken).ConfigureAwait(false);
            }
        }

        Emit(summary);
    }
}
