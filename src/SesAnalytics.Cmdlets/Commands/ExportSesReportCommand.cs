using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Report;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Writes one self-contained HTML report of a period: volumes, rates against SES's levels, bounces, engagement.</summary>
[Cmdlet(VerbsData.Export, "SesReport", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, HelpUri = OnlineHelp.Docs + "Export-SesReport.md")]
[OutputType(typeof(FileInfo))]
public sealed class ExportSesReportCommand : EventQueryCmdlet
{
    private string _outFile = string.Empty;

    /// <summary>The HTML file to write, taken literally (no wildcards).</summary>
    [Parameter(Mandatory = true)]
    [Alias("OutputPath", "FilePath")]
    [ValidateNotNullOrEmpty]
    public string OutFile { get; set; } = string.Empty;

    /// <summary>The mail tag whose values are the campaigns engagement is measured per (Get-SesEngagement -GroupBy Tag:&lt;name&gt;).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string CampaignTag { get; set; } = ReportBuilder.DefaultCampaignTag;

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override bool ReadsEventLines => true;

    protected override void PrepareRecord()
    {
        base.PrepareRecord();
        _outFile = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile, out ProviderInfo provider, out _);
        if (provider.Name != "FileSystem")
        {
            throw new InvalidInputException(
                "ReportPathNotFileSystem",
                $"-OutFile '{OutFile}' is on the {provider.Name} provider; give a path in the file system.",
                OutFile);
        }
    }

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken) =>
        AskForEachInputAsync(() => ExportAsync(cancellationToken));

    private async Task ExportAsync(CancellationToken cancellationToken)
    {
        ReportFile.Check(_outFile, Force);
        DayRange days = Days;
        string source = InCloud ? (ParameterSetName == StackSet ? $"stack {StackName}" : $"{Database}.{Table}") : StorePath;
        if (!await ShouldProcessAsync(_outFile, $"Write the SES report of {days.From:yyyy-MM-dd}..{days.To:yyyy-MM-dd} from {source}").ConfigureAwait(false))
        {
            return;
        }

        SesReport report;
        if (InCloud)
        {
            (var queries, var target, IDisposable clients) = await CreateAthenaQueriesAsync(cancellationToken).ConfigureAwait(false);
            using (clients)
            {
                ReportSource from = ParameterSetName == StackSet
                    ? new("Stack", $"{StackName} (work group {target.WorkGroup}, table {target.Database}.{target.Table})", Aws.Region, target.Account is { } account ? [account] : [])
                    : new("Athena table", $"{target.Database}.{target.Table} (work group {target.WorkGroup})", Aws.Region, []);
                report = await BuildAsync(new AthenaReportQueries(queries, target, from), days, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            report = await BuildAsync(new LocalReportQueries(StorePath, Sink), days, cancellationToken).ConfigureAwait(false);
        }

        FileInfo written = ReportFile.Write(report, _outFile, Force);
        EmitVerbose($"Wrote {written.FullName} ({written.Length:N0} bytes): {report.Identities.Count} identities, {days.DayCount} days.");
        if (PassThru)
        {
            EmitItem(written.FullName);
        }
    }

    private Task<SesReport> BuildAsync(IReportQueries queries, DayRange days, CancellationToken cancellationToken) =>
        new ReportBuilder(queries, Sink).BuildAsync(days, Identity ?? [], CampaignTag, cancellationToken);
}
