using System.Management.Automation;

namespace SesAnalytics.Module.Tests.Support;

/// <summary>Everything one script run produced, stream by stream.</summary>
public sealed record ScriptResult(
    IReadOnlyList<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<WarningRecord> Warnings,
    IReadOnlyList<VerboseRecord> Verbose,
    IReadOnlyList<InformationRecord> Information,
    IReadOnlyList<ProgressRecord> Progress,
    RuntimeException? TerminatingError)
{
    public IEnumerable<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>();

    /// <summary>Every text the user could see, for checks that a secret never shows.</summary>
    public string AllText() => string.Join(
        "\n",
        Output.Select(o => o.ToString())
            .Concat(Errors.Select(e => e.ToString() + " " + e.ErrorDetails?.Message + " " + e.Exception?.ToString()))
            .Concat(Warnings.Select(w => w.Message))
            .Concat(Verbose.Select(v => v.Message))
            .Concat(Information.Select(i => i.MessageData?.ToString()))
            .Concat(Progress.Select(p => p.Activity + " " + p.StatusDescription + " " + p.CurrentOperation))
            .Append(TerminatingError?.ToString()));

    public void AssertSuccess()
    {
        Assert.True(
            TerminatingError is null && Errors.Count == 0,
            "The script failed: " + (TerminatingError?.ErrorRecord.ToString() ?? string.Join("; ", Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e}"))));
    }
}
