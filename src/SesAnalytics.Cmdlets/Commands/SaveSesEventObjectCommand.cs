using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Objects;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Copies SES event objects from the bucket into an offline store that the -Path commands read.</summary>
[Cmdlet(VerbsData.Save, "SesEventObject", DefaultParameterSetName = BucketSet, SupportsShouldProcess = true)]
[OutputType(typeof(SaveSummary))]
public sealed class SaveSesEventObjectCommand : AwsCmdlet
{
    private const string BucketSet = "BucketName";
    private const string InputObjectSet = "InputObject";

    private readonly List<EventObject> _objects = [];
    private string _destination = string.Empty;

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Destination { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public EventObject[] InputObject { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = BucketSet)]
    [ValidateNotNullOrEmpty]
    public string BucketName { get; set; } = string.Empty;

    [Parameter(ParameterSetName = BucketSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Identity { get; set; }

    [Parameter(ParameterSetName = BucketSet)]
    [ValidateSet("Send", "Reject", "Bounce", "Complaint", "Delivery", "Open", "Click", "Rendering Failure", "DeliveryDelay", "Subscription")]
    public string[]? EventType { get; set; }

    [Parameter(ParameterSetName = BucketSet)]
    public DateTime? From { get; set; }

    [Parameter(ParameterSetName = BucketSet)]
    public DateTime? To { get; set; }

    protected override void Prepare()
    {
        base.Prepare();
        _destination = GetUnresolvedProviderPathFromPSPath(Destination);
    }

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        _objects.AddRange(InputObject);
        return Task.CompletedTask;
    }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        using var s3 = CreateS3Client();
        if (ParameterSetName == BucketSet)
        {
            EventObjectSelection selection = EventObjectSelection.Create(BucketName, Identity, EventTypes.Parse(EventType), From, To, DateTime.UtcNow);
            await foreach (EventObject item in new EventObjectLister(s3, Sink).ListAsync(selection, cancellationToken).ConfigureAwait(false))
            {
                _objects.Add(item);
            }
        }

        SaveSummary summary = await new EventObjectSaver(s3, Sink).SaveAsync(
            _objects,
            _destination,
            (item, local) => ShouldProcessAsync(local, $"Copy s3://{item.BucketName}/{item.Key} ({item.Size} bytes)"),
            cancellationToken).ConfigureAwait(false);
        Emit(summary);
    }
}
