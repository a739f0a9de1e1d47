using System.Collections.ObjectModel;
using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Store.Cache;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>Lays SES event records out in a local folder exactly as Firehose's dynamic partitioning lays them out in S3.</summary>
[Cmdlet(VerbsData.Import, "SesEvent", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = OnlineHelp.Docs + "Import-SesEvent.md")]
[OutputType("SesAnalytics.ImportSummary")]
public sealed class ImportSesEventCommand : AsyncCmdlet, IDisposable
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string InputObjectSet = "InputObject";

    private const string Action = "Import SES events in the Firehose layout";

    private readonly PipedJsonAssembler _assembler = new();
    private SesEventImport? _import;
    private int _textCount;
    private string _destination = string.Empty;
    private bool _write;
    private bool _whatIf;
    private List<string> _files = [];

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    // A file object's names are literal: bound to -Path, a file named events[1].json would be a wildcard matching nothing.
    [Alias("PSPath", "LP", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Json")]
    [JsonRecordArgument]
    [AllowEmptyString]
    public string[] InputObject { get; set; } = [];

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Destination { get; set; } = string.Empty;

    [Parameter]
    [ValidatePattern("^[A-Za-z0-9_.-]{1,64}$")]
    public string StreamName { get; set; } = ImportOptions.DefaultStreamName;

    [Parameter]
    public SwitchParameter UseArrivalTime { get; set; }

    [Parameter]
    [ValidateRange(1, 128)]
    public int BufferSizeMB { get; set; } = 128;

    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Leaves the columnar cache of the folders written unbuilt: for a store made only to be uploaded.</summary>
    [Parameter]
    public SwitchParameter NoCache { get; set; }

    public new void Dispose()
    {
        _import?.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Paths are resolved here, on the pipeline thread, where session state may be read; the confirmation is asked here
    /// too, where PowerShell says why it was refused: -WhatIf, or the user's No.
    /// </summary>
    protected override void Prepare()
    {
        _destination = GetUnresolvedProviderPathFromPSPath(Destination);
        string description = $"Performing the operation \"{Action}\" on target \"{_destination}\".";
        _write = ShouldProcess(description, $"Are you sure you want to perform this action?{Environment.NewLine}{description}", "Confirm", out ShouldProcessReason reason);
        _whatIf = reason == ShouldProcessReason.WhatIf;
    }

    protected override void PrepareRecord() => _files = ParameterSetName switch
    {
        InputObjectSet => [],
        LiteralPathSet => LiteralPath.Select(GetUnresolvedProviderPathFromPSPath).ToList(),
        _ => Path.SelectMany(Resolve).ToList(),
    };

    protected override Task BeginProcessingAsync(CancellationToken cancellationToken)
    {
        var options = new ImportOptions(_destination)
        {
            StreamName = StreamName,
            UseArrivalTime = UseArrivalTime.IsPresent,
            BufferSizeBytes = BufferSizeMB * 1024L * 1024L,
            WhatIf = !_write && _whatIf,
            Declined = !_write && !_whatIf,
            Force = Force.IsPresent,
        };
        _import = new SesEventImport(options, Sink, cancellationToken);
        return Task.CompletedTask;
    }

    protected override bool ProcessesRecordInline => ParameterSetName == InputObjectSet;

    protected override Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        switch (ParameterSetName)
        {
            case InputObjectSet:
                foreach (string text in InputObject)
                {
                    _textCount++;
                    ImportPiped(text, $"InputObject #{_textCount}");
                }

                break;
            default:
                foreach (string file in _files)
                {
                    ImportFile(file);
                }

                break;
        }

        return Task.CompletedTask;
    }

    protected override async Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        try
        {
            _assembler.Finish();
        }
        catch (InvalidInputException error)
        {
            EmitError(error);
        }

        ImportSummary summary = _import!.Complete();
        if (summary.Status == ImportStatus.Imported && summary.EventsWritten > 0 && !NoCache.IsPresent)
        {
            var caches = new EventCaches(_destination, Sink);
            await caches.BuildWrittenAsync(caches.FoldersAt(_import.EventFolders), cancellationToken).ConfigureAwait(false);
        }

        Emit(summary);
    }

    /// <summary>One piped text; the lines of a pretty-printed document (Get-Content without -Raw) are gathered first.</summary>
    private void ImportPiped(string text, string source)
    {
        PipedJson piped;
        try
        {
            piped = _assembler.Add(text ?? string.Empty, source);
        }
        catch (InvalidInputException error)
        {
            EmitError(error);
            return;
        }

        if (piped.Items > 1)
        {
            EmitVerbose($"{piped.Source} are the lines of one JSON document (Get-Content without -Raw): imported as one.");
        }

        if (!string.IsNullOrWhiteSpace(piped.Text))
        {
            _import!.ImportText(piped.Text, piped.Source);
        }
    }

    private void ImportFile(string file)
    {
        if (Directory.Exists(file))
        {
            EmitError(new ErrorRecord(
                new ArgumentException($"'{file}' is a folder. Give its files instead, for example '{System.IO.Path.Combine(file, "*")}'."),
                "PathIsFolder",
                ErrorCategory.InvalidArgument,
                file));
            return;
        }

        if (!File.Exists(file))
        {
            EmitError(new ErrorRecord(
                new ItemNotFoundException($"Cannot find path '{file}' because it does not exist."),
                "PathNotFound",
                ErrorCategory.ObjectNotFound,
                file));
            return;
        }

        _import!.ImportFile(file);
    }

    private IEnumerable<string> Resolve(string path)
    {
        try
        {
            Collection<string> files = GetResolvedProviderPathFromPSPath(path, out ProviderInfo provider);
            if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
            {
                EmitError(new ErrorRecord(
                    new ArgumentException($"'{path}' is not a file system path."),
                    "NotAFileSystemPath",
                    ErrorCategory.InvalidArgument,
                    path));
                return [];
            }

            if (files.Count == 0)
            {
                // A wildcard that matches nothing resolves quietly to no file: an import of nothing must say so.
                EmitError(new ErrorRecord(
                    new ItemNotFoundException($"No file matches '{path}'. Check the path, or use -LiteralPath for names with [ or ]."),
                    "PathNotFound",
                    ErrorCategory.ObjectNotFound,
                    path));
            }

            return files;
        }
        catch (ItemNotFoundException error)
        {
            EmitError(new ErrorRecord(error, "PathNotFound", ErrorCategory.ObjectNotFound, path));
            return [];
        }
    }
}
