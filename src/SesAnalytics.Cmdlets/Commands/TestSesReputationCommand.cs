using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Query.Breakdowns;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>
/// A reputation gate: $true when no group over the whole range is at the status that fails (Warning by default, or
/// AtRisk), else $false; with -Detailed the failing summaries instead. In GitHub Actions or Azure Pipelines each one is
/// also an error annotation (a Warning row a warning annotation when only AtRisk fails).
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "SesReputation", DefaultParameterSetName = PathSet, HelpUri = OnlineHelp.Docs + "Test-SesReputation.md")]
[OutputType(typeof(bool))]
[OutputType("SesAnalytics.EventSummary")]
public sealed class TestSesReputationCommand : ReputationCmdlet
{
    [Parameter]
    [ValidateSet(nameof(ReputationStatus.Warning), nameof(ReputationStatus.AtRisk))]
    public string FailOn { get; set; } = nameof(ReputationStatus.Warning);

    [Parameter]
    public SwitchParameter Detailed { get; set; }

    [Parameter]
    [ValidateSet(CiAnnotation.Auto, CiAnnotation.GitHub, CiAnnotation.AzurePipelines, CiAnnotation.None)]
    public string Annotate { get; set; } = CiAnnotation.Auto;

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken) =>
        AskForEachInputAsync(() => JudgeAsync(cancellationToken));

    private async Task JudgeAsync(CancellationToken cancellationToken)
    {
        SummaryRequest request = Request(total: true, compare: false);
        var gate = new ReputationGate(Enum.Parse<ReputationStatus>(FailOn, ignoreCase: true));
        string annotations = CiAnnotation.Resolve(Annotate, Environment.GetEnvironmentVariable);
        var failing = new List<EventSummary>();
        int judged = 0;
        await SummarizeAsync(
            request,
            summary =>
            {
                judged++;
                if (gate.Fails(summary))
                {
                    failing.Add(summary);
                    Report(annotations, error: true, summary);
                }
                else if (gate.Warns(summary))
                {
                    Report(annotations, error: false, summary);
                }
            },
            cancellationToken).ConfigureAwait(false);
        EmitVerbose($"{judged} groups judged from {request.Days.From:yyyy-MM-dd} to {request.Days.To:yyyy-MM-dd}; {failing.Count} at {FailOn} or worse.");
        if (Detailed.IsPresent)
        {
            failing.ForEach(Emit);
        }
        else
        {
            Emit(failing.Count == 0);
        }
    }

    /// <summary>An annotation line on the host, where CI reads it; a plain warning elsewhere.</summary>
    private void Report(string annotations, bool error, EventSummary summary)
    {
        string message = ReputationGate.Message(summary);
        if (CiAnnotation.Format(annotations, error, ReputationGate.Title, message) is { } line)
        {
            Sink.Information(line, "PSHOST");
        }
        else
        {
            EmitWarning(message);
        }
    }
}
