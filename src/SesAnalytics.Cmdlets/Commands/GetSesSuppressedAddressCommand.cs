using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Aws.SesV2.Model;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Suppression;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Lists the account-level SES suppression list, or looks addresses up on it.</summary>
[Cmdlet(VerbsCommon.Get, "SesSuppressedAddress", DefaultParameterSetName = ListSet, HelpUri = OnlineHelp.Docs + "Get-SesSuppressedAddress.md")]
[OutputType("SesAnalytics.SuppressedAddress")]
public sealed class GetSesSuppressedAddressCommand : SuppressionListCmdlet
{
    private const string ListSet = "List";
    private const string AddressSet = "Address";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = AddressSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Recipients")]
    [ValidateNotNullOrEmpty]
    public string[] EmailAddress { get; set; } = [];

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet(SuppressionReasons.Bounce, SuppressionReasons.Complaint)]
    [ValidateNotNullOrEmpty]
    public string[]? Reason { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public DateTime? From { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public DateTime? To { get; set; }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        var list = new SuppressionList(Ses, Pacer, Sink);
        if (ParameterSetName == ListSet)
        {
            var filter = new SuppressionListFilter
            {
                Reasons = Reason?.Select(r => r.ToUpperInvariant()).Distinct().ToList() ?? [],
                StartDate = Utc(From),
                EndDate = Utc(To),
            };
            await foreach (SuppressedAddress address in list.ListAsync(filter, cancellationToken).ConfigureAwait(false))
            {
                Emit(address);
            }

            return;
        }

        foreach (string address in EmailAddress)
        {
            try
            {
                Emit(await list.GetAsync(address.Trim(), cancellationToken).ConfigureAwait(false));
            }
            catch (SesAnalyticsException error) when (!cancellationToken.IsCancellationRequested && SuppressionErrors.IsAboutTheAddress(error))
            {
                EmitError(error, address);
            }
        }
    }

    /// <summary>A time as SES compares it: a local time converted, an unspecified one (a typed date) taken as UTC.</summary>
    private static DateTimeOffset? Utc(DateTime? time) => time switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => new DateTimeOffset(local.ToUniversalTime(), TimeSpan.Zero),
        { } other => new DateTimeOffset(DateTime.SpecifyKind(other, DateTimeKind.Utc), TimeSpan.Zero),
    };
}
