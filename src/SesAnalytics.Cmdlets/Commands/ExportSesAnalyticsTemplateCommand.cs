using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Stack;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Writes the SesAnalytics CloudFormation template, generated from the given options, as text or to a file.</summary>
[Cmdlet(VerbsData.Export, "SesAnalyticsTemplate", SupportsShouldProcess = true, HelpUri = OnlineHelp.Docs + "Export-SesAnalyticsTemplate.md")]
[OutputType(typeof(string), typeof(FileInfo))]
public sealed class ExportSesAnalyticsTemplateCommand : AsyncCmdlet, IDynamicParameters
{
    private readonly TemplateParameters _template = new();
    private string? _resolvedPath;

    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    [ValidateSet("Yaml", "Json")]
    public string? Format { get; set; }

    /// <summary>The stack the template will be deployed as: names its Glue database when -DatabaseName is not given.</summary>
    [Parameter]
    [ValidatePattern("^[A-Za-z][A-Za-z0-9-]{0,127}$")]
    public string? StackName { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    public object GetDynamicParameters() => _template;

    protected override void Prepare()
    {
        if (Path is not null)
        {
            _resolvedPath = GetUnresolvedProviderPathFromPSPath(Path);
        }
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        string text = Render();
        if (_resolvedPath is null)
        {
            Emit(text);
            return;
        }

        if (!await ShouldProcessAsync(_resolvedPath, "Write the SesAnalytics CloudFormation template").ConfigureAwait(false))
        {
            return;
        }

        try
        {
            EmitItem(TemplateFile.Write(_resolvedPath, text, Force).FullName);
        }
        catch (SesAnalyticsException error)
        {
            EmitError(error, _resolvedPath);
        }
    }

    private string Render()
    {
        TemplateOptions options = _template.ToOptions() with { StackName = StackName };
        TemplateFormat? requested = Format is null ? null : Enum.Parse<TemplateFormat>(Format, ignoreCase: true);
        TemplateFormat format = TemplateFile.ChooseFormat(requested, _resolvedPath);
        EmitVerbose($"Generating the {format} template: retention {options.RetentionDays} days, buffering {options.BufferIntervalSeconds} s / {options.BufferSizeMB} MB.");
        CloudFormationTemplate template = TemplateBuilder.Build(options);
        foreach (string warning in template.Warnings)
        {
            EmitWarning(warning);
        }

        return template.ToText(format);
    }
}
