using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace SesAnalytics.Bench;

/// <summary>The PowerShell steps: the module's commands in a fresh runspace, each step in its own process.</summary>
internal static class PowerShellSteps
{
    /// <summary>
    /// One command of the module in a fresh runspace after Import-Module, timed alone: the session's first query. Its
    /// objects are dropped as PowerShell hands them out, as the bare statements drop their rows and as a pipeline into
    /// Export-Csv or Where-Object lets them go; with <paramref name="keepOutput"/> it runs as <c>$null = command</c>
    /// does, which makes PowerShell collect every object before it drops them all (10,839 bounces held to the end: more
    /// of the heap survives each collection).
    /// </summary>
    public static void Cmdlet(string manifest, string command, bool keepOutput = false)
    {
        using PowerShell shell = ShellWithModule(manifest);
        using Runspace runspace = shell.Runspace;
        shell.AddScript(keepOutput ? $"$null = {command}" : command);
        var watch = Stopwatch.StartNew();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        RuntimeCounters counters = RuntimeCounters.Take();
        if (keepOutput)
        {
            shell.Invoke();
        }
        else
        {
            shell.Invoke<PSObject>(null, new DroppedOutput());
        }

        Work.Report(watch, cpu);
        Work.ReportCounters(counters);
        ThrowOnErrors(shell, command);
    }

    /// <summary>A PowerShell in a fresh runspace of its own, the module imported.</summary>
    public static PowerShell ShellWithModule(string manifest)
    {
        Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        PowerShell shell = PowerShell.Create(runspace);
        shell.AddScript($"Import-Module {Work.PowerShellQuoted(manifest)}").Invoke();
        ThrowOnErrors(shell, "Import-Module");
        shell.Commands.Clear();
        return shell;
    }

    public static void ThrowOnErrors(PowerShell shell, string command)
    {
        if (shell.HadErrors)
        {
            throw new InvalidOperationException($"'{command}' failed: " + string.Join("; ", shell.Streams.Error));
        }
    }

    /// <summary>
    /// The time from the command's start to its first object in a fresh runspace after Import-Module (the session's
    /// first query, so DuckDB's load is in it); the command is then stopped, as Ctrl+C or <c>Select-Object -First 1</c>
    /// would stop it.
    /// </summary>
    public static void FirstObject(string manifest, string command)
    {
        using PowerShell shell = ShellWithModule(manifest);
        using Runspace runspace = shell.Runspace;
        shell.AddScript(command);
        using var output = new PSDataCollection<PSObject>();
        TimeSpan? first = null;
        TimeSpan firstCpu = TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        output.DataAdded += (_, _) =>
        {
            if (first is null)
            {
                first = watch.Elapsed;
                firstCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                shell.BeginStop(null, null);
            }
        };
        try
        {
            shell.Invoke(null, output);
        }
        catch (PipelineStoppedException) when (first is not null)
        {
            // Stopped after its first object, as asked.
        }

        // A stopped pipeline counts as one that had errors: only the error records it wrote tell.
        if (shell.Streams.Error.Count > 0)
        {
            throw new InvalidOperationException($"'{command}' failed: " + string.Join("; ", shell.Streams.Error));
        }

        if (first is null)
        {
            throw new InvalidOperationException($"'{command}' wrote no object.");
        }

        Work.Report(first.Value, firstCpu);
    }

    /// <summary>A command's output that keeps nothing: each object is let go as soon as PowerShell adds it.</summary>
    private sealed class DroppedOutput : System.Collections.ObjectModel.Collection<PSObject>
    {
        protected override void InsertItem(int index, PSObject item)
        {
        }
    }
}
