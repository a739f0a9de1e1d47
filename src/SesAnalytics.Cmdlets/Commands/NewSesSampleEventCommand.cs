using System.Globalization;
using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Samples;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Realistic, repeatable SES events to try the module without an AWS account.</summary>
[Cmdlet(VerbsCommon.New, "SesSampleEvent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = OnlineHelp.Docs + "New-SesSampleEvent.md")]
[OutputType("SesAnalytics.SesEvent", "System.String")]
public sealed class NewSesSampleEventCommand : AsyncCmdlet
{
    private const int ProgressEvery = 1000;

    [Parameter(Position = 0)]
    [ValidateRange(0, int.MaxValue)]
    public int Count { get; set; } = 1000;

    [Parameter]
    public int Seed { get; set; } = 1;

    /// <summary>The first day (its date part, taken as UTC); by default the last <see cref="Days"/> days end today.</summary>
    [Parameter]
    public DateTime StartDate { get; set; }

    [Parameter]
    [ValidateRange(1, 3660)]
    public int Days { get; set; } = 7;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Identity { get; set; }

    [Parameter]
    public SwitchParameter AsJson { get; set; }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        DateOnly start = MyInvocation.BoundParameters.ContainsKey(nameof(StartDate))
            ? DateOnly.FromDateTime(StartDate)
            : Clock.Today.AddDays(1 - Days);
        var generator = new SampleEventGenerator
        {
            Seed = Seed,
            Start = start,
            Days = Days,
            Identities = Identity ?? SampleEventGenerator.DefaultIdentities,
        };
        string target = string.Create(CultureInfo.InvariantCulture, $"{Count} events from {start:yyyy-MM-dd} over {Days} days");
        if (!await ShouldProcessAsync(target, "Generate sample SES events").ConfigureAwait(false))
        {
            return;
        }

        IEnumerable<object> items = AsJson
            ? generator.GenerateLines(Count, cancellationToken)
            : generator.Generate(Count, cancellationToken);
        int emitted = 0;
        foreach (object item in items)
        {
            Emit(item);
            if (++emitted % ProgressEvery == 0)
            {
                EmitProgress(new ProgressReport(1, "Generating sample SES events", $"{emitted:N0} of {Count:N0}", (int)(100L * emitted / Count)));
            }
        }

        if (emitted >= ProgressEvery)
        {
            EmitProgress(new ProgressReport(1, "Generating sample SES events", "Done", 100, Completed: true));
        }
    }
}
