using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace SesAnalytics.Module.Tests.Support;

/// <summary>
/// A fresh PowerShell engine session with the built module imported, driven the way a user types. Builds nothing: the
/// module must already be staged (the test project's build does that).
/// </summary>
public static class ModuleSession
{
    public static ScriptResult Run(string script, IDictionary<string, object?>? variables = null, bool importModule = true)
    {
        var state = InitialSessionState.CreateDefault2();
        if (variables is not null)
        {
            foreach ((string name, object? value) in variables)
            {
                state.Variables.Add(new SessionStateVariableEntry(name, value, description: null));
            }
        }

        using Runspace runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using PowerShell shell = PowerShell.Create(runspace);
        string prelude = importModule ? $"Import-Module '{RepoPaths.ModuleManifest.Replace("'", "''", StringComparison.Ordinal)}' -ErrorAction Stop\n" : string.Empty;
        shell.AddScript(prelude + script);

        var output = new List<PSObject>();
        RuntimeException? terminating = null;
        try
        {
            output.AddRange(shell.Invoke());
        }
        catch (RuntimeException error)
        {
            terminating = error;
        }

        return Collect(shell, output, terminating);
    }

    /// <summary>Runs a script, stopping it as Ctrl+C would after <paramref name="stopAfter"/>; returns how long the stop took.</summary>
    public static (ScriptResult Result, TimeSpan StopTook) RunAndStop(string script, TimeSpan stopAfter) =>
        RunAndStop(script, () => false, stopAfter);

    /// <summary>
    /// Runs the script and presses Ctrl+C once <paramref name="ready"/> holds (the command reached the point under test,
    /// however long start-up took on a busy machine), or after <paramref name="stopAfter"/> at the latest.
    /// </summary>
    public static (ScriptResult Result, TimeSpan StopTook) RunAndStop(string script, Func<bool> ready, TimeSpan stopAfter)
    {
        var state = InitialSessionState.CreateDefault2();
        using Runspace runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using PowerShell shell = PowerShell.Create(runspace);
        shell.AddScript($"Import-Module '{RepoPaths.ModuleManifest}' -ErrorAction Stop\n" + script);
        IAsyncResult pending = shell.BeginInvoke();
        SpinWait.SpinUntil(ready, stopAfter);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        shell.Stop();
        RuntimeException? terminating = null;
        var output = new List<PSObject>();
        try
        {
            output.AddRange(shell.EndInvoke(pending));
        }
        catch (RuntimeException error)
        {
            terminating = error;
        }

        watch.Stop();
        return (Collect(shell, output, terminating), watch.Elapsed);
    }

    private static ScriptResult Collect(PowerShell shell, List<PSObject> output, RuntimeException? terminating) => new(
        output,
        shell.Streams.Error.ToList(),
        shell.Streams.Warning.ToList(),
        shell.Streams.Verbose.ToList(),
        shell.Streams.Information.ToList(),
        shell.Streams.Progress.ToList(),
        terminating);
}
