using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Objects;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Lists the SES event objects in the bucket for some identities, event types and UTC days.</summary>
[Cmdlet(VerbsCommon.Get, "SesEventObject", DefaultParameterSetName = BucketSet)]
[OutputType(typeof(EventObject))]
public sealed class GetSesEventObjectCommand : AwsCmdlet
{
    private const string BucketSet = "BucketName";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = BucketSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string BucketName { get; set; } = string.Empty;

    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Identity { get; set; }

    [Parameter]
    [ValidateSet("Send", "Reject", "Bounce", "Complaint", "Delivery", "Open", "Click", "Rendering Failure", "DeliveryDelay", "Subscription")]
    public string[]? EventType { get; set; }

    [Parameter]
    public DateTime? From { get; set; }

    [Parameter]
    public DateTime? To { get; set; }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        EventObjectSelection selection = EventObjectSelection.Create(BucketName, Identity, EventTypes.Parse(EventType), From, To, DateTime.UtcNow);
        using var s3 = CreateS3Client();
        await foreach (EventObject item in new EventObjectLister(s3, Sink).ListAsync(selection, cancellationToken).ConfigureAwait(false))
        {
            Emit(item);
        }
    }
}
