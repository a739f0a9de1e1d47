using System.Globalization;
using SesAnalytics.Engine.Aws.SesV2;
using SesAnalytics.Engine.Aws.SesV2.Model;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Deployment;

/// <summary>
/// Sends test messages to the SES mailbox simulator, the article's own check that events flow. Each message is sent
/// once: SendEmail is never retried after a server error, since SES may already have sent it.
/// </summary>
public sealed class SimulatorSender
{
    public const int MaxCount = 50;

    private readonly ISesV2Client _ses;
    private readonly TimeProvider _clock;

    public SimulatorSender(ISesV2Client ses, TimeProvider? clock = null)
    {
        _ses = ses;
        _clock = clock ?? TimeProvider.System;
    }

    public static string Address(SimulatorScenario scenario) => scenario switch
    {
        SimulatorScenario.Success => "success@simulator.amazonses.com",
        SimulatorScenario.Bounce => "bounce@simulator.amazonses.com",
        SimulatorScenario.Complaint => "complaint@simulator.amazonses.com",
        SimulatorScenario.OutOfTheOffice => "ooto@simulator.amazonses.com",
        _ => "suppressionlist@simulator.amazonses.com",
    };

    public async IAsyncEnumerable<SimulatorMessage> SendAsync(
        string from,
        SimulatorScenario scenario,
        string? configurationSetName,
        int count,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (count is < 1 or > MaxCount)
        {
            throw new InvalidInputException("SimulatorCountOutOfRange", $"Count must be from 1 to {MaxCount}, not {count}.", count);
        }

        string to = Address(scenario);
        for (int i = 1; i <= count; i++)
        {
            DateTimeOffset now = _clock.GetUtcNow();
            string subject = string.Create(CultureInfo.InvariantCulture, $"SesAnalytics simulator test: {scenario} ({i}/{count}) at {now:yyyy-MM-dd HH:mm:ss}Z");
            SendEmailRequest request = SendEmailRequest.Simple(
                from,
                [to],
                subject,
                $"A test message to the SES mailbox simulator ({to}), sent by Send-SesSimulatorEmail to check that SES events reach the SesAnalytics bucket.",
                html: null) with
            {
                ConfigurationSetName = configurationSetName,
            };
            string messageId = await _ses.SendEmailAsync(request, cancellationToken).ConfigureAwait(false);
            yield return new SimulatorMessage(messageId, scenario.ToString(), to, from, configurationSetName, now.UtcDateTime);
        }
    }
}
