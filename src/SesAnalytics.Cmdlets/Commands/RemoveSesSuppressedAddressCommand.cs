using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Suppression;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Takes addresses off the account-level SES suppression list, so SES sends to them again.</summary>
[Cmdlet(VerbsCommon.Remove, "SesSuppressedAddress", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = OnlineHelp.Docs + "Remove-SesSuppressedAddress.md")]
[OutputType(typeof(void))]
public sealed class RemoveSesSuppressedAddressCommand : SuppressionListCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] EmailAddress { get; set; } = [];

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        var list = new SuppressionList(Ses, Pacer, Sink);
        foreach (string address in EmailAddress.Select(a => a.Trim()).Where(a => a.Length > 0))
        {
            if (!await ShouldProcessAsync(address, $"Remove from the account-level suppression list in {Ses.Region}").ConfigureAwait(false))
            {
                continue;
            }

            try
            {
                await list.RemoveAsync(address, cancellationToken).ConfigureAwait(false);
            }
            catch (SesAnalyticsException error) when (!cancellationToken.IsCancellationRequested && SuppressionErrors.IsAboutTheAddress(error))
            {
                EmitError(error, address);
            }
        }
    }
}
