using System.Management.Automation;
using SesAnalytics.Cmdlets.Infrastructure;
using SesAnalytics.Engine.Aws.S3;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Objects;
using SesAnalytics.Engine.Select;

namespace SesAnalytics.Cmdlets.Commands;

/// <summary>
/// Runs an S3 Select expression over event objects and writes each output record as a PSCustomObject: over local
/// files (GZIP or plain JSON lines) locally, with S3 Select's semantics; over objects in S3 with SelectObjectContent, or,
/// where S3 Select is not available (or with -ClientSide), over a streamed GetObject with the same local evaluator.
/// </summary>
[Cmdlet(VerbsCommunications.Read, "SesEventObject", DefaultParameterSetName = PathSet, HelpUri = OnlineHelp.Docs + "Read-SesEventObject.md")]
[OutputType(typeof(PSObject))]
public sealed partial class ReadSesEventObjectCommand : AwsCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string S3Set = "S3";

    private SelectQuery? _query;
    private S3Client? _s3;
    private EventObjectReader? _reader;
    private List<string> _files = [];

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    // A file object's names are literal: bound to -Path, a file named day[1].gz would be a wildcard matching nothing.
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP", "FullName", "LocalPath")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = S3Set, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string BucketName { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = S3Set, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Key { get; set; } = string.Empty;

    // First, as Select-String's pattern: `Get-ChildItem *.gz | Read-SesEventObject 'SELECT ...'` binds the SQL here.
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Expression { get; set; } = SelectQuery.DefaultExpression;

    [Parameter(ParameterSetName = S3Set)]
    public SwitchParameter ClientSide { get; set; }

    protected override bool RequiresAws => ParameterSetName == S3Set;

    /// <summary>Local files need no AWS settings: the context is resolved with the first object from S3 instead, once
    /// piped objects have chosen the parameter set (<see cref="PrepareRecord"/>).</summary>
    protected override void Prepare()
    {
    }

    /// <summary>On the pipeline thread: the S3 client, or the files, resolved where session state may be read.</summary>
    protected override void PrepareRecord()
    {
        base.PrepareRecord();
        if (RequiresAws)
        {
            _s3 ??= CreateS3Client();
        }
        else
        {
            _files = ResolveFiles();
        }
    }

    protected override Task BeginProcessingAsync(CancellationToken cancellationToken)
    {
        _query = SelectQuery.Parse(Expression);
        return Task.CompletedTask;
    }

    protected override async Task ProcessRecordAsync(CancellationToken cancellationToken)
    {
        if (ParameterSetName == S3Set)
        {
            await ReadObjectAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (string file in _files)
        {
            await ReadFileAsync(file, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task EndProcessingAsync(CancellationToken cancellationToken)
    {
        _s3?.Dispose();
        return Task.CompletedTask;
    }

    private async Task ReadObjectAsync(CancellationToken cancellationToken)
    {
        _reader ??= new EventObjectReader(_s3!, _query!, ClientSide, Sink);
        string target = $"s3://{BucketName}/{Key}";
        EmitVerbose($"Reading '{target}' with: {_query!.Text}");
        try
        {
            await foreach (string record in _reader.ReadAsync(BucketName, Key, cancellationToken).ConfigureAwait(false))
            {
                Emit(JsonObjectConverter.Convert(record));
            }
        }
        catch (SesAnalyticsException error)
        {
            EmitErrorAbout(error, target);
        }
    }

    private async Task ReadFileAsync(string file, CancellationToken cancellationToken)
    {
        EmitVerbose($"Reading '{file}' with: {_query!.Text}");
        try
        {
            await foreach (string record in _query.EvaluateFileAsync(file, cancellationToken).ConfigureAwait(false))
            {
                Emit(JsonObjectConverter.Convert(record));
            }
        }
        catch (SesAnalyticsException error)
        {
            EmitErrorAbout(error, file);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            EmitError(error, file);
        }
    }

    /// <summary>The error of one object or file, its message led by which one: a pipeline reads many.</summary>
    private void EmitErrorAbout(SesAnalyticsException error, string target)
    {
        ErrorRecord record = ErrorRecords.From(error, target);
        record.ErrorDetails = new ErrorDetails($"'{target}': {error.Message}");
        EmitError(record);
    }

    private List<string> ResolveFiles()
    {
        var files = new List<string>();
        bool literal = ParameterSetName == LiteralPathSet;
        foreach (string path in literal ? LiteralPath : Path)
        {
            try
            {
                ProviderInfo provider;
                List<string> resolved = literal
                    ? [SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _)]
                    : [.. GetResolvedProviderPathFromPSPath(path, out provider)];
                if (resolved.Count == 0)
                {
                    // A -Path such as 'day[1].gz' is a wildcard that matches nothing, yet names a file.
                    string asWritten = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
                    resolved = File.Exists(asWritten)
                        ? [asWritten]
                        : throw new ItemNotFoundException($"No file matches '{path}'. Check the path, or use -LiteralPath for names with [ or ].");
                }

                if (provider.Name != "FileSystem")
                {
                    throw new InvalidInputException("NotAFileSystemPath", $"'{path}' is not a file system path. Give the path of a local object.", path);
                }

                bool wildcard = !literal && WildcardPattern.ContainsWildcardCharacters(path);
                foreach (string file in resolved)
                {
                    if (!Directory.Exists(file))
                    {
                        files.Add(file);
                    }
                    else if (!wildcard)
                    {
                        // A wildcard that also matches folders means their files; a folder named on its own is a mistake.
                        EmitError(new InvalidInputException("PathIsDirectory", $"'{file}' is a folder. Give the path of an object file, or a wildcard such as '{System.IO.Path.Combine(file, "*.gz")}'.", file), file);
                    }
                }
            }
            catch (ItemNotFoundException error)
            {
                EmitError(new ErrorRecord(error, "PathNotFound", ErrorCategory.ObjectNotFound, path));
            }
            catch (InvalidInputException error)
            {
                EmitError(error, path);
            }
        }

        return files;
    }
}
