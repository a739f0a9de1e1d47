using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Suppression;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>
/// Puts addresses on the account-level SES suppression list: typed, or piped bounces and complaints, whose kind gives
/// the reason. The addresses are gathered first, so the run can show how far it is and how long the rest will take.
/// </summary>
[Cmdlet(VerbsCommon.Add, "SesSuppressedAddress", SupportsShouldProcess = true, HelpUri = OnlineHelp.Docs + "Add-SesSuppressedAddress.md")]
[OutputType("SesAnalytics.SuppressionSummary")]
public sealed class AddSesSuppressedAddressCommand : SuppressionListCmdlet
{
    private readonly List<SuppressionRequest> _requests = [];

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Recipients")]
    [ValidateNotNullOrEmpty]
    public string[] EmailAddress { get; set; } = [];

    // EventType binds a piped event (Bounce, Complaint), BounceType a piped Get-SesBounce record; each is made SES's word.
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("EventType", "BounceType")]
    [SuppressionReasonArgument]
    [ValidateSet(SuppressionReasons.Bounce, SuppressionReasons.Complaint)]
    public string? Reason { get; set; }

    protected override bool ProcessesRecordInline => true;

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        foreach (string address in EmailAddress.Select(a => a.Trim()).Where(a => a.Length > 0))
        {
            if (Reason is null)
            {
                EmitError(new InvalidInputException(
                    "SuppressionReasonMissing",
                    $"No reason to suppress '{address}': give -Reason BOUNCE or COMPLAINT, or pipe bounces or complaints, whose kind is the reason.",
                    address));
                continue;
            }

            _requests.Add(new SuppressionRequest(address, Reason.ToUpperInvariant()));
        }

        return Task.CompletedTask;
    }

    protected override async Task EndAsync(CancellationToken cancellationToken)
    {
        if (_requests.Count == 0)
        {
            return;
        }

        SuppressionSummary summary = await new SuppressionAdder(Ses, Pacer, Sink)
            .AddAsync(_requests, ShouldProcessAsync, cancellationToken)
            .ConfigureAwait(false);
        Emit(summary);
    }
}
