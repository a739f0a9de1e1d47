using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Objects;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Lists the SES event objects in the bucket (named, or the stack's) for some identities, event types and UTC days.</summary>
[Cmdlet(VerbsCommon.Get, "SesEventObject", DefaultParameterSetName = BucketSet, HelpUri = OnlineHelp.Docs + "Get-SesEventObject.md")]
[OutputType("SesAnalytics.EventObject")]
public sealed class GetSesEventObjectCommand : EventObjectCmdlet
{
    // A piped stack object binds here first (the default set), so its bucket is used without asking CloudFormation.
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = BucketSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string BucketName { get; set; } = string.Empty;

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        using var s3 = CreateS3Client();
        await foreach (EventObject item in ListSelectedAsync(s3, BucketName, cancellationToken).ConfigureAwait(false))
        {
            Emit(item);
        }
    }
}
