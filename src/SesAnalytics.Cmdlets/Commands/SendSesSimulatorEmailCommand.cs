using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.SesV2;
using SesAnalytics.Engine.Deployment;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Sends test messages to the SES mailbox simulator so the user can watch their events arrive.</summary>
[Cmdlet(VerbsCommunications.Send, "SesSimulatorEmail", SupportsShouldProcess = true, HelpUri = OnlineHelp.Docs + "Send-SesSimulatorEmail.md")]
[OutputType("SesAnalytics.SimulatorMessage")]
public sealed class SendSesSimulatorEmailCommand : AwsCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string From { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateSet("Success", "Bounce", "Complaint", "OutOfTheOffice", "SuppressionList")]
    public string Scenario { get; set; } = string.Empty;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ConfigurationSetName { get; set; }

    [Parameter]
    [ValidateRange(1, SimulatorSender.MaxCount)]
    public int Count { get; set; } = 1;

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        SimulatorScenario scenario = Enum.Parse<SimulatorScenario>(Scenario, ignoreCase: true);
        string to = SimulatorSender.Address(scenario);
        if (!await ShouldProcessAsync(to, $"Send {Count} message(s) from {From}").ConfigureAwait(false))
        {
            return;
        }

        using var http = new AwsHttpClient(ClientOptions(AwsService.SesV2));
        await foreach (SimulatorMessage message in new SimulatorSender(new SesV2Client(http)).SendAsync(From, scenario, ConfigurationSetName, Count, cancellationToken).ConfigureAwait(false))
        {
            Emit(message);
        }
    }
}
